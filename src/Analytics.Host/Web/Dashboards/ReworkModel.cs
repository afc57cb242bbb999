using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The rework releases behind a team's deployment rework rate, one page of them, out of <see cref="Releases"/>.</summary>
public sealed record ReworkModel(DashboardFilter Filter, TeamName Team, DrillDownPage<ReworkDeployment> Rework, long Releases)
{
    /// <summary>The rework rate: rework ÷ releases, or null when nothing went out.</summary>
    public double? Rate => Releases > 0 ? (double)Rework.Total / Releases : null;
}
