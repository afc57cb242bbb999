using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>A team's page: its delivery month by month over the year to the end of the period.</summary>
public sealed record TeamTrendModel(DashboardFilter Filter, TeamName Team, IReadOnlyList<MonthRow> Months);
