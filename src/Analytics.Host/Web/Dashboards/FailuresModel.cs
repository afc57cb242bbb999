using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The failed releases behind a team's change failure rate, one page of them, out of <see cref="Releases"/>.</summary>
public sealed record FailuresModel(DashboardFilter Filter, TeamName Team, DrillDownPage<FailedDeployment> Failures, long Releases)
{
    /// <summary>The change failure rate: failed ÷ releases, or null when nothing went out.</summary>
    public double? Rate => Releases > 0 ? (double)Failures.Total / Releases : null;
}
