using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;

namespace Analytics.Core.Tests.Metrics;

public sealed class PeriodBoundaryTests
{
    [Fact]
    public async Task Deployment_near_midnight_falls_in_the_quarter_of_the_configured_zone()
    {
        // 2026-06-30 23:30 UTC is 2026-07-01 00:30 in London (BST).
        using var utc = Build(new MetricsOptions());
        using var london = Build(new MetricsOptions { TimeZone = "Europe/London" });
        Assert.Equal((1L, 0L), (await OrgDeploymentsAsync(utc, new Quarter(2026, 2)), await OrgDeploymentsAsync(utc, new Quarter(2026, 3))));
        Assert.Equal((0L, 1L), (await OrgDeploymentsAsync(london, new Quarter(2026, 2)), await OrgDeploymentsAsync(london, new Quarter(2026, 3))));
    }

    [Fact]
    public async Task Week_after_the_DST_change_starts_on_the_local_Monday()
    {
        // Clocks went forward in London on Sunday 2026-03-29; 23:30 UTC that night is Monday 00:30 BST.
        using var london = Build(new MetricsOptions { TimeZone = "Europe/London" }, "2026-03-29T23:30:00Z");
        using var utc = Build(new MetricsOptions(), "2026-03-29T23:30:00Z");
        var query = new MetricsQuery(new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 13), PeriodGrain.Week);
        Assert.Equal(new DateOnly(2026, 3, 30), await WeekOfDeploymentAsync(london, query));
        Assert.Equal(new DateOnly(2026, 3, 23), await WeekOfDeploymentAsync(utc, query));
    }

    [Fact]
    public async Task Team_that_existed_for_one_quarter_appears_only_there()
    {
        using var fixture = new MetricsFixture();
        fixture.Team("pay").Team("tiger").Service("api", "pay").Service("temp", "tiger", created: new DateOnly(2026, 4, 1), retired: new DateOnly(2026, 6, 30));
        var query = new MetricsQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 10, 1), PeriodGrain.Quarter);
        var rows = await fixture.Metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", query, CancellationToken.None);
        Assert.Equal([new DateOnly(2026, 4, 1)], rows.Where(r => r.TeamId == "tiger" && r.Level == "team").Select(r => r.PeriodStart));
        Assert.Equal(3, rows.Count(r => r.TeamId == "pay" && r.Level == "team"));
    }

    private static MetricsFixture Build(MetricsOptions options, string at = "2026-06-30T23:30:00Z")
    {
        var fixture = new MetricsFixture(options);
        fixture.Team("pay").Service("api", "pay");
        fixture.Deploy("api", at);
        return fixture;
    }

    private static async Task<long> OrgDeploymentsAsync(MetricsFixture fixture, Quarter quarter) =>
        (await fixture.Metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", MetricsQuery.ForQuarter(quarter), CancellationToken.None))
            .Single(r => r.Level == "organisation").Deployments;

    private static async Task<DateOnly> WeekOfDeploymentAsync(MetricsFixture fixture, MetricsQuery query) =>
        (await fixture.Metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", query, CancellationToken.None))
            .Single(r => r.Level == "organisation" && r.Deployments == 1).PeriodStart;
}
