using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Support;
using Analytics.Core.Organisation;
using Analytics.Core.WorkItems;

namespace Analytics.Core.Tests.Metrics;

/// <summary>Adoption, onboarding, value-stream stages and support load on hand-counted data (2026-Q3, UTC).</summary>
public sealed class PlatformMetricsTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly MetricsFixture _fixture = new();

    public PlatformMetricsTests()
    {
        _fixture.Team("platform", platform: true).Team("pay").Team("web");
        _fixture.Write(new Service("portal", "portal", "platform", "acme/portal", "production", true, new DateOnly(2025, 1, 1), null, null, null, "test"));
        _fixture.Service("api", "pay", onboarded: new DateOnly(2026, 8, 1));
        _fixture.Service("worker", "pay");
        _fixture.Service("site", "web", onboarded: new DateOnly(2026, 10, 15));
        _fixture.Write(new ServiceCapability("api", "ci", new DateOnly(2026, 8, 1), "test"));
        _fixture.Write(new ServiceCapability("portal", "ci", new DateOnly(2025, 1, 1), "test"));
        _fixture.Engineer("old", "pay", new DateOnly(2024, 1, 1));
        _fixture.Engineer("keen", "pay", new DateOnly(2026, 7, 1));
        _fixture.Engineer("slow", "web", new DateOnly(2026, 7, 6));
        _fixture.Engineer("late", "web", new DateOnly(2026, 9, 20));
        _fixture.Engineer("ops", "platform", new DateOnly(2024, 1, 1));
    }

    [Fact]
    public async Task Adoption_counts_services_onboarded_before_the_period_ended()
    {
        var rows = await _fixture.Metrics.QueryAsync<PlatformAdoption>("adoption", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = rows.Single(r => r.Level == "organisation");
        Assert.Equal((4L, 2L, 0.5), (org.ActiveServices, org.AdoptedServices, org.ServiceShare));
        Assert.Equal((3L, 2L), (org.ActiveTeams, org.AdoptedTeams));
        var capability = await _fixture.Metrics.QueryAsync<CapabilityAdoption>("capability_adoption", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        Assert.Equal((4L, 2L), capability.Single(c => c.Capability == "ci") is var ci ? (ci.ActiveServices, ci.AdoptedServices) : default);
    }

    [Fact]
    public async Task Time_to_first_deploy_counts_own_deployments_and_shipped_changes_and_censors_recent_starters()
    {
        _fixture.Deploy("api", "2026-07-11T10:00:00Z", by: "keen");
        var shipped = _fixture.Deploy("site", "2026-08-25T10:00:00Z");
        _fixture.Change("site", "2026-08-20T10:00:00Z", shipped, "2026-08-25T10:00:00Z", author: "slow");
        var rows = await _fixture.Metrics.QueryAsync<TimeToFirstDeploy>("time_to_first_deploy", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = rows.Single(r => r.Level == "organisation");

        // keen: 10 days; slow: 50 days; late started 11 days before the quarter ended and has not deployed.
        Assert.Equal((3L, 2L), (org.Starters, org.Deployed));
        Assert.Equal(30, org.MedianDays!.Value, 9);
        Assert.Equal(0.5, org.ShareWithin30Days!.Value, 9);
    }

    [Fact]
    public async Task Participatory_adoption_counts_outsiders_merging_to_platform_repositories()
    {
        _fixture.Change("portal", "2026-08-01T10:00:00Z", null, null, author: "old");
        _fixture.Change("portal", "2026-08-02T10:00:00Z", null, null, author: "ops");
        var row = Assert.Single(await _fixture.Metrics.QueryAsync<ParticipatoryAdoption>("participatory_adoption", MetricsQuery.ForQuarter(Q3), CancellationToken.None));
        Assert.Equal((4L, 1L, 0.25), (row.Engineers, row.Contributors, row.Share));
    }

    [Fact]
    public async Task Lead_time_stages_split_the_pull_request_timeline()
    {
        var d = _fixture.Deploy("api", "2026-08-01T10:00:00Z");
        _fixture.Change("api", "2026-07-31T00:00:00Z", d, "2026-08-01T10:00:00Z");
        var stages = (await _fixture.Metrics.QueryAsync<LeadTimeStages>("lead_time_stages", MetricsQuery.ForQuarter(Q3), CancellationToken.None)).Single(s => s.Level == "organisation");

        // The fixture's pull request opens 1 h after its first commit, is reviewed 1 h later and merged 1 h after that.
        Assert.Equal((1.0, 1.0, 1.0, 31.0), (stages.CodingHours!.Value, stages.PickupHours!.Value, stages.ReviewHours!.Value, stages.DeployHours!.Value));
    }

    [Fact]
    public async Task Support_load_is_per_hundred_engineers_per_month_and_categories_rank_by_effort()
    {
        void Request(string id, string category, string created, double responseHours, double resolutionHours)
        {
            var at = MetricsFixture.At(created);
            _fixture.Write(new WorkItem(id, "PLAT", "support_request", "help", [], "platform", "pay", category, "Done", at, at.AddHours(responseHours), at.AddHours(resolutionHours), "test"));
        }

        Request("r1", "access", "2026-07-02T09:00:00Z", 1, 2);
        Request("r2", "access", "2026-07-03T09:00:00Z", 3, 4);
        Request("r3", "database", "2026-08-03T09:00:00Z", 2, 40);
        var load = Assert.Single(await _fixture.Metrics.QueryAsync<SupportLoad>("support_load", MetricsQuery.ForQuarter(Q3), CancellationToken.None));
        Assert.Equal((3L, 5L), (load.Requests, load.Engineers));

        // 3 requests ÷ 5 engineers × 100, over the 92 days of the quarter counted in average months.
        Assert.Equal(100.0 * 3 / 5 / (92 / (365.25 / 12)), load.PerHundredEngineersPerMonth!.Value, 9);
        Assert.Equal((2.0, 4.0), (load.MedianFirstResponseHours!.Value, load.MedianResolutionHours!.Value));
        var categories = await _fixture.Metrics.QueryAsync<SupportCategory>("support_categories", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        Assert.Equal(["database", "access"], categories.Select(c => c.Category));
        Assert.Equal(40, categories[0].EffortHours!.Value, 9);
        Assert.Equal(6, categories[1].EffortHours!.Value, 9);
    }

    public void Dispose() => _fixture.Dispose();
}
