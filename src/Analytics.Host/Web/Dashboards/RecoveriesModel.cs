using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The failures behind a team's median recovery time, one page of them, with how many recovered and their median.</summary>
public sealed record RecoveriesModel(DashboardFilter Filter, TeamName Team, DrillDownPage<FailedDeployment> Failures, long Recovered, double? MedianHours);
