using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The changes behind a team's median lead time in a period, one page of them, with the median of all.</summary>
public sealed record ChangesModel(DashboardFilter Filter, TeamName Team, DrillDownPage<ShippedChange> Changes, double? MedianHours);
