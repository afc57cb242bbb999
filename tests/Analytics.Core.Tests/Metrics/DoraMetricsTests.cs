using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// The DORA metrics on a hand-computed quarter (2026-Q3, UTC). Team pay ships d1 (a change committed 24 h
/// earlier), d2 (a change committed 48 h earlier; an incident linked to it opened an hour later and was resolved
/// two hours after that), d3 (no change) and d4 (a rollback of d3 a day later); a change reached staging only; an
/// incident no deployment explains. Team web deploys nothing.
/// </summary>
public sealed class DoraMetricsTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly MetricsFixture _fixture = new();

    public DoraMetricsTests()
    {
        _fixture.Team("pay").Team("web").Service("api", "pay").Service("site", "web");
        var d1 = _fixture.Deploy("api", "2026-07-10T10:00:00Z");
        _fixture.Change("api", "2026-07-09T10:00:00Z", d1, "2026-07-10T10:00:00Z");
        var d2 = _fixture.Deploy("api", "2026-07-20T10:00:00Z");
        _fixture.Change("api", "2026-07-18T10:00:00Z", d2, "2026-07-20T10:00:00Z");
        _fixture.Incident("api", "2026-07-20T11:00:00Z", "2026-07-20T13:00:00Z", causedBy: d2);
        _fixture.Deploy("api", "2026-08-01T10:00:00Z");
        _fixture.Deploy("api", "2026-08-02T10:00:00Z", rollback: true);
        _fixture.Deploy("api", "2026-08-10T10:00:00Z", environment: "staging");
        _fixture.Change("api", "2026-08-09T10:00:00Z", deployment: null, deployedAt: null);
        _fixture.Incident("api", "2026-09-01T10:00:00Z", "2026-09-01T12:00:00Z");
    }

    [Fact]
    public async Task Deployment_frequency_counts_production_successes_and_zero_for_a_silent_team()
    {
        var rows = await _fixture.Metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        Assert.Equal((4L, 92L), Only(rows, "organisation", null) is var o ? (o.Deployments, o.Days) : default);
        Assert.Equal(4, Only(rows, "team", "pay").Deployments);
        Assert.Equal(0, Only(rows, "team", "web").Deployments);
        Assert.Equal("fewer than every 6 months", DeploymentFrequencyBucket.Of(0));
        Assert.Equal("weekly to monthly", DeploymentFrequencyBucket.Of(4 / 92.0));
    }

    [Fact]
    public async Task Lead_time_takes_shipped_changes_only()
    {
        var rows = await _fixture.Metrics.QueryAsync<LeadTime>("lead_time", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = Only(rows, "organisation", null);
        Assert.Equal(2, org.Changes);
        Assert.Equal(36, org.MedianHours!.Value, 6);
        Assert.Equal(42, org.P75Hours!.Value, 6);
        Assert.Equal(45.6, org.P90Hours!.Value, 6);
        Assert.DoesNotContain(rows, r => r.TeamId == "web");
    }

    [Fact]
    public async Task Change_failure_rate_counts_linked_incidents_and_rollbacks_once_each()
    {
        var rows = await _fixture.Metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = Only(rows, "organisation", null);
        Assert.Equal((3L, 2L, 0L, 1L), (org.Deployments, org.FailedDeployments, org.FailedByInferredLink, org.UnattributedIncidents));
        Assert.Equal(2 / 3.0, org.Rate!.Value, 9);
    }

    [Fact]
    public async Task Incident_shortly_after_a_deployment_is_attributed_by_inference_and_marked_so()
    {
        var d = _fixture.Deploy("site", "2026-09-10T10:00:00Z");
        _fixture.Incident("site", "2026-09-10T14:00:00Z", "2026-09-10T15:00:00Z");
        _fixture.Incident("site", "2026-09-10T16:00:00Z", "2026-09-10T17:00:00Z", severity: "sev4");
        var rows = await _fixture.Metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var web = Only(rows, "team", "web");
        Assert.Equal((1L, 1L, 1L, 1L), (web.Deployments, web.FailedDeployments, web.FailedByInferredLink, web.UnattributedIncidents));
        Assert.NotNull(d);

        using var strict = new MetricsFixture(new MetricsOptions { InferIncidentLinks = false });
        strict.Team("web").Service("site", "web");
        strict.Deploy("site", "2026-09-10T10:00:00Z");
        strict.Incident("site", "2026-09-10T14:00:00Z", null);
        var noInference = Only(await strict.Metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", MetricsQuery.ForQuarter(Q3), CancellationToken.None), "organisation", null);
        Assert.Equal((0L, 1L), (noInference.FailedDeployments, noInference.UnattributedIncidents));
    }

    [Fact]
    public async Task Recovery_runs_to_incident_resolution_or_to_the_rollback()
    {
        var rows = await _fixture.Metrics.QueryAsync<RecoveryTime>("recovery_time", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = Only(rows, "organisation", null);
        Assert.Equal((2L, 0L), (org.Recovered, org.NotRecovered));
        Assert.Equal(13, org.MedianHours!.Value, 6);
        Assert.Equal(21.8, org.P90Hours!.Value, 6);
    }

    [Fact]
    public async Task Rework_rate_counts_the_rollback()
    {
        var rows = await _fixture.Metrics.QueryAsync<ReworkRate>("rework_rate", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        var org = Only(rows, "organisation", null);
        Assert.Equal((4L, 1L), (org.Deployments, org.ReworkDeployments));
        Assert.Equal(0.25, org.Rate, 9);
    }

    [Fact]
    public async Task DORA_level_is_the_floor_of_the_mean_metric_rank()
    {
        var metrics = await _fixture.Metrics.QuarterAsync(Q3, null, CancellationToken.None);
        var pay = metrics.DoraLevels.Single(l => l.TeamId == "pay");
        Assert.Equal(("medium", "high", "low", "high", "medium"), (pay.FrequencyLevel, pay.LeadTimeLevel, pay.ChangeFailureLevel, pay.RecoveryLevel, pay.Overall));
        var web = metrics.DoraLevels.Single(l => l.TeamId == "web");
        Assert.Equal(("low", null, null, null, "low"), (web.FrequencyLevel, web.LeadTimeLevel, web.ChangeFailureLevel, web.RecoveryLevel, web.Overall));
    }

    [Fact]
    public async Task Quarter_without_data_is_zero_deployments_not_an_error()
    {
        var metrics = await _fixture.Metrics.QuarterAsync(new Quarter(2025, 1), null, CancellationToken.None);
        Assert.Equal(0, metrics.DeploymentFrequency.Single(f => f.Level == "organisation").Deployments);
        Assert.Empty(metrics.LeadTime);
        Assert.Empty(metrics.ChangeFailureRate);
        Assert.Empty(metrics.Nps);
    }

    public void Dispose() => _fixture.Dispose();

    private static T Only<T>(IEnumerable<T> rows, string level, string? team)
        where T : class => rows.Single(r => (string)typeof(T).GetProperty("Level")!.GetValue(r)! == level
            && (string?)typeof(T).GetProperty("TeamId")!.GetValue(r) == team);
}
