using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Adoption;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// Adoption counts services in production only; experimental services are shown on their own line and deprecated
/// ones nowhere (docs/metrics.md, "Platform adoption"). Team pay runs api (on the platform) and worker in production,
/// lab (on the platform) as an experiment and legacy (deprecated); team web runs only an experiment, sandbox.
/// </summary>
public sealed class AdoptionLifecycleTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private static readonly DateOnly Onboarded = new(2026, 8, 1);
    private readonly MetricsFixture _fixture = new();

    public AdoptionLifecycleTests()
    {
        _fixture.Team("pay").Team("web");
        _fixture.Service("api", "pay", onboarded: Onboarded).Service("worker", "pay");
        _fixture.Service("lab", "pay", onboarded: Onboarded, lifecycle: "experimental").Service("legacy", "pay", onboarded: Onboarded, lifecycle: "deprecated");
        _fixture.Service("sandbox", "web", lifecycle: "experimental");
    }

    [Fact]
    public async Task Service_and_team_shares_count_production_services_only()
    {
        var org = (await AdoptionAsync()).Single(r => r.Level == "organisation");
        Assert.Equal((2L, 1L, 0.5), (org.ActiveServices, org.AdoptedServices, org.ServiceShare));
        Assert.Equal((1L, 1L, 1.0), (org.ActiveTeams, org.AdoptedTeams, org.TeamShare));
    }

    [Fact]
    public async Task Experimental_services_are_counted_on_their_own_line()
    {
        var rows = await AdoptionAsync();
        Assert.Equal((2L, 1L), rows.Single(r => r.Level == "organisation") is var org ? (org.ExperimentalServices, org.ExperimentalAdoptedServices) : default);
        Assert.Equal((1L, 1L), rows.Single(r => r.TeamId == "pay") is var pay ? (pay.ExperimentalServices, pay.ExperimentalAdoptedServices) : default);
    }

    [Fact]
    public async Task Team_with_experiments_only_shows_them_without_shares()
    {
        var web = (await AdoptionAsync()).Single(r => r.TeamId == "web");
        Assert.Equal((0L, (double?)null, 0L, (double?)null, 1L), (web.ActiveServices, web.ServiceShare, web.ActiveTeams, web.TeamShare, web.ExperimentalServices));
    }

    [Fact]
    public async Task Capability_shares_count_production_services_only()
    {
        _fixture.Write(new Analytics.Core.Organisation.ServiceCapability("api", "ci", Onboarded, "test"));
        _fixture.Write(new Analytics.Core.Organisation.ServiceCapability("lab", "ci", Onboarded, "test"));
        var ci = Assert.Single(await _fixture.Metrics.QueryAsync<CapabilityAdoption>("capability_adoption", MetricsQuery.ForQuarter(Q3), CancellationToken.None));
        Assert.Equal((2L, 1L, 0.5), (ci.ActiveServices, ci.AdoptedServices, ci.Share));
    }

    private Task<IReadOnlyList<PlatformAdoption>> AdoptionAsync() =>
        _fixture.Metrics.QueryAsync<PlatformAdoption>("adoption", MetricsQuery.ForQuarter(Q3), CancellationToken.None);

    public void Dispose() => _fixture.Dispose();
}
