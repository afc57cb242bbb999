using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Onboarding;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Time to first deploy (docs/metrics.md, "Onboarding"): days counted in the configured zone, and the 30-day share
/// judged as of the end of the data rather than the end of the quarter.
/// </summary>
public sealed class TimeToFirstDeployTests
{
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public async Task Days_are_counted_between_local_dates_of_the_configured_zone()
    {
        // 2026-07-10 20:00 UTC is 2026-07-11 08:00 in Auckland (NZST, UTC+12): 10 local days after a 1 July start, 9 in UTC.
        using var fixture = Build(new MetricsOptions { TimeZone = "Pacific/Auckland" });
        fixture.Engineer("kiwi", "pay", new DateOnly(2026, 7, 1));
        fixture.Deploy("api", "2026-07-10T20:00:00Z", by: "kiwi");
        var org = await OrganisationAsync(fixture);
        Assert.Equal(10, org.MedianDays);
    }

    [Fact]
    public async Task A_deployment_on_the_local_start_day_counts_though_it_was_the_day_before_in_UTC()
    {
        // 2026-06-30 20:00 UTC is 08:00 on 1 July in Auckland, the engineer's first morning.
        using var fixture = Build(new MetricsOptions { TimeZone = "Pacific/Auckland" });
        fixture.Engineer("kiwi", "pay", new DateOnly(2026, 7, 1));
        fixture.Deploy("api", "2026-06-30T20:00:00Z", by: "kiwi");
        var org = await OrganisationAsync(fixture);
        Assert.Equal((1L, 0.0), (org.Deployed, org.MedianDays));
    }

    [Fact]
    public async Task Starter_who_deployed_within_30_days_counts_though_the_30_days_end_after_the_quarter()
    {
        // Joined 10 days before Q3 ended, deployed 20 days later, in Q4.
        using var fixture = Build(new MetricsOptions());
        fixture.Engineer("late", "pay", new DateOnly(2026, 9, 21));
        fixture.Deploy("api", "2026-10-11T10:00:00Z", by: "late");
        var org = await OrganisationAsync(fixture);
        Assert.Equal(1.0, org.ShareWithin30Days);
    }

    [Fact]
    public async Task Starter_who_has_not_deployed_counts_as_not_within_30_days_once_the_data_runs_past_day_30()
    {
        // Both joined on 21 September; the data ends with another engineer's deployment on 22 October (day 31).
        using var fixture = Build(new MetricsOptions());
        fixture.Engineer("late", "pay", new DateOnly(2026, 9, 21)).Engineer("idle", "pay", new DateOnly(2026, 9, 21));
        fixture.Deploy("api", "2026-10-11T10:00:00Z", by: "late");
        fixture.Deploy("api", "2026-10-22T10:00:00Z");
        var org = await OrganisationAsync(fixture);
        Assert.Equal(0.5, org.ShareWithin30Days);
    }

    [Fact]
    public async Task Starter_who_has_not_deployed_is_left_out_of_the_share_while_day_30_is_not_yet_in_the_data()
    {
        // The data ends on day 30 of idle's first month (21 October): idle may still deploy in time.
        using var fixture = Build(new MetricsOptions());
        fixture.Engineer("late", "pay", new DateOnly(2026, 9, 21)).Engineer("idle", "pay", new DateOnly(2026, 9, 21));
        fixture.Deploy("api", "2026-10-11T10:00:00Z", by: "late");
        fixture.Deploy("api", "2026-10-21T23:00:00Z");
        var org = await OrganisationAsync(fixture);
        Assert.Equal(1.0, org.ShareWithin30Days);
    }

    private static MetricsFixture Build(MetricsOptions options)
    {
        var fixture = new MetricsFixture(options);
        fixture.Team("pay").Service("api", "pay");
        return fixture;
    }

    private static async Task<TimeToFirstDeploy> OrganisationAsync(MetricsFixture fixture) =>
        (await fixture.Metrics.QueryAsync<TimeToFirstDeploy>("time_to_first_deploy", MetricsQuery.ForQuarter(Q3), CancellationToken.None))
            .Single(r => r.Level == "organisation");
}
