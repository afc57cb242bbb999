using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The deployments a team's figure counts, one page of them.</summary>
public sealed record DeploymentsModel(DashboardFilter Filter, TeamName Team, IReadOnlyList<CountedDeployment> Deployments, long Total, int Page, int PageSize)
{
    /// <summary>How many pages there are (at least one).</summary>
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
