using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Webhooks;
using Dapper;

using static Analytics.Ingestion.Tests.Delivery.DeliveryDatabase;

namespace Analytics.Ingestion.Tests.Delivery;

/// <summary>
/// The delivery rules of docs/metrics.md, checked through the path every source takes (records mapped and stored by
/// an ingestion batch, then the metrics service), on small hand-computed cases.
/// </summary>
public sealed class DeliveryRulesTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly DeliveryDatabase _store = new();
    private readonly PulseConnection _connection;

    public DeliveryRulesTests() => _connection = _store.Connection;

    [Fact]
    public async Task Prod_Production_and_live_count_as_production_from_a_file_and_from_the_event_api()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("pulse-env-").FullName, "deployments.ndjson");
        await File.WriteAllLinesAsync(file, [
            """{"deployment_id": "d1", "service_id": "pay-api", "environment": "prod", "sha": "a1", "started_at": "2026-07-01T10:00:00Z", "status": "success"}""",
            """{"deployment_id": "d2", "service_id": "pay-api", "environment": "Production", "sha": "a2", "started_at": "2026-07-02T10:00:00Z", "status": "success"}""",
            """{"deployment_id": "d3", "service_id": "pay-api", "environment": " live ", "sha": "a3", "started_at": "2026-07-03T10:00:00Z", "status": "success"}""",
            """{"deployment_id": "d4", "service_id": "pay-api", "environment": "Staging", "sha": "a4", "started_at": "2026-07-04T10:00:00Z", "status": "success"}""",
        ]);
        FileImporter.Import(_connection, "deployments", file, "file", _store.Clock, null, CancellationToken.None);

        using var events = new EventIngestor(_store.Database, _store.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<EventIngestor>.Instance);
        await events.StartAsync(CancellationToken.None);
        await events.IngestAsync("""{"type": "deployment", "data": {"deployment_id": "d5", "service_id": "pay-api", "environment": "PROD", "sha": "a5", "started_at": "2026-07-05T10:00:00Z", "status": "success"}}"""u8.ToArray(), "delivery-1", _store.Clock.GetUtcNow().AddMinutes(5), CancellationToken.None);
        await events.StopAsync(CancellationToken.None);

        Assert.Equal(4, OrganisationRow(await Metrics<DeploymentFrequency>("deployment_frequency")).Deployments);
        Assert.Equal(["production", "production", "production", "staging", "production"],
            _connection.Query<string>("SELECT environment FROM deployments ORDER BY deployment_id").ToArray());
    }

    [Fact]
    public async Task Configured_production_names_apply_to_rows_already_stored()
    {
        Load(("deployments", Deployment("d1", "pay-api", "2026-07-01T10:00:00Z", environment: "prd-eu")));
        Assert.Equal(0, OrganisationRow(await Metrics<DeploymentFrequency>("deployment_frequency")).Deployments);

        // The service starts with a new setting: the stored row is normalised, and the change link re-derived.
        _store.Migrate(new MetricsOptions { ProductionEnvironments = ["production", "PRD-EU"] });
        Assert.Equal(1, OrganisationRow(await Metrics<DeploymentFrequency>("deployment_frequency")).Deployments);
        Assert.Equal(("production", "prd-eu"), _connection.QuerySingle<(string, string)>("SELECT environment, source_environment FROM deployments"));

        // Taken out of the list again, the name no longer counts: the source's spelling was kept.
        _store.Migrate(new MetricsOptions());
        Assert.Equal(0, OrganisationRow(await Metrics<DeploymentFrequency>("deployment_frequency")).Deployments);
    }

    [Fact]
    public async Task An_incident_linked_to_a_deployment_fails_it_however_late_it_opens()
    {
        Load(
            ("deployments", Deployment("d1", "pay-api", "2026-09-10T10:00:00Z")),
            ("deployments", Deployment("d2", "pay-api", "2026-09-12T10:00:00Z")),
            ("incidents", Incident("i1", "pay-api", "2026-11-20T08:00:00Z", "2026-11-20T10:00:00Z", causedBy: "d1")));

        var org = OrganisationRow(await Metrics<ChangeFailureRate>("change_failure_rate"));
        Assert.Equal((2L, 1L, 0L), (org.Deployments, org.FailedDeployments, org.UnattributedIncidents));
        Assert.Equal(0.5, org.Rate);
    }

    [Fact]
    public async Task Recovery_counts_a_failure_that_starts_in_the_quarter_for_a_deployment_made_before_it()
    {
        Load(
            ("deployments", Deployment("d1", "pay-api", "2026-05-02T10:00:00Z")),
            ("incidents", Incident("i1", "pay-api", "2026-07-10T08:00:00Z", "2026-07-10T13:00:00Z", causedBy: "d1")));

        var org = OrganisationRow(await Metrics<RecoveryTime>("recovery_time"));
        Assert.Equal((1L, 0L, 5.0), (org.Recovered, org.NotRecovered, org.MedianHours));
        Assert.DoesNotContain(await Metrics<RecoveryTime>("recovery_time", new Quarter(2026, 2)), r => r.Recovered + r.NotRecovered > 0);
    }

    [Fact]
    public async Task A_cause_given_as_a_commit_is_the_successful_deployment_of_it_on_the_incidents_service()
    {
        Load(
            // The same commit went to another service first; on pay-api its first attempt failed and the retry shipped it.
            ("deployments", Deployment("other", "search-api", "2026-07-01T08:00:00Z", sha: "abc")),
            ("deployments", Deployment("try1", "pay-api", "2026-07-01T10:00:00Z", sha: "abc", status: "failure")),
            ("deployments", Deployment("try2", "pay-api", "2026-07-01T10:30:00Z", sha: "abc")),
            ("deployments", Deployment("later", "pay-api", "2026-07-20T10:30:00Z", sha: "abc")),
            ("incidents", Incident("i1", "pay-api", "2026-07-01T12:00:00Z", "2026-07-01T14:00:00Z", causedBySha: "abc")));

        var rows = await Metrics<ChangeFailureRate>("change_failure_rate");
        Assert.Equal((1L, 1L), Service(rows, "pay-api"));
        Assert.Equal((1L, 0L), Service(rows, "search-api"));
        var recovery = OrganisationRow(await Metrics<RecoveryTime>("recovery_time"));
        Assert.Equal(2.0, recovery.MedianHours);
    }

    [Fact]
    public async Task A_retried_pipeline_is_one_deployment_that_failed_if_any_attempt_failed()
    {
        Load(
            ("deployments", Deployment("run1", "pay-api", "2026-07-01T10:00:00Z", sha: "abc")),
            ("deployments", Deployment("run2", "pay-api", "2026-07-01T10:20:00Z", sha: "abc")),
            ("deployments", Deployment("next", "pay-api", "2026-07-08T10:00:00Z", sha: "def")),
            ("incidents", Incident("i1", "pay-api", "2026-07-01T11:00:00Z", "2026-07-01T12:00:00Z", causedBy: "run1")));

        Assert.Equal(2, OrganisationRow(await Metrics<DeploymentFrequency>("deployment_frequency")).Deployments);
        var org = OrganisationRow(await Metrics<ChangeFailureRate>("change_failure_rate"));
        Assert.Equal((2L, 1L), (org.Deployments, org.FailedDeployments));
    }

    [Fact]
    public async Task Lead_time_is_the_same_whatever_order_deployments_and_changes_arrive_in()
    {
        var change = ("changes", Change("c1", "pay-api", firstCommit: "2026-07-01T08:00:00Z", merged: "2026-07-01T10:00:00Z", sha: "s1"));
        var unrelated = ("deployments", Deployment("d1", "pay-api", "2026-07-01T12:00:00Z", sha: "other"));
        var own = ("deployments", Deployment("d2", "pay-api", "2026-07-02T08:00:00Z", sha: "s1"));

        // The change arrives first and is linked by time to d1; its own commit's deployment arrives later.
        Load(change);
        Load(unrelated);
        Load(own);
        Assert.Equal(("d2", "sha"), _connection.QuerySingle<(string, string)>("SELECT deployment_id, linked_by FROM changes"));
        Assert.Equal(24.0, OrganisationRow(await Metrics<LeadTime>("lead_time")).MedianHours);
    }

    [Fact]
    public async Task A_change_merged_long_before_the_next_deployment_is_not_deployed_by_it()
    {
        Load(
            ("changes", Change("old", "pay-api", firstCommit: "2025-05-01T08:00:00Z", merged: "2025-05-01T10:00:00Z", sha: "s-old")),
            ("changes", Change("new", "pay-api", firstCommit: "2026-07-09T10:00:00Z", merged: "2026-07-09T12:00:00Z", sha: "s-new")),
            ("deployments", Deployment("d1", "pay-api", "2026-07-10T10:00:00Z", sha: "s-release")));

        var shipped = OrganisationRow(await Metrics<LeadTime>("lead_time"));
        Assert.Equal((1L, 24.0), (shipped.Changes, shipped.MedianHours));
        var merged = OrganisationRow(await Metrics<LeadTime>("lead_time", new Quarter(2025, 2)));
        Assert.Equal((0L, 1L), (merged.Changes, merged.NotDeployed));
    }

    [Fact]
    public async Task Unattributed_incidents_are_reported_for_a_team_that_deployed_nothing()
    {
        Load(
            ("deployments", Deployment("d1", "pay-api", "2026-07-01T10:00:00Z")),
            ("incidents", Incident("i1", "search-api", "2026-08-01T10:00:00Z", "2026-08-01T11:00:00Z", severity: "sev4")));

        var rows = await Metrics<ChangeFailureRate>("change_failure_rate");
        var search = Assert.Single(rows, r => r.Level == "team" && r.TeamId == "search");
        Assert.Equal((0L, 1L, (double?)null), (search.Deployments, search.UnattributedIncidents, search.Rate));
        Assert.Equal(1L, OrganisationRow(rows).UnattributedIncidents);
    }

    private static T OrganisationRow<T>(IReadOnlyList<T> rows)
        where T : notnull =>
        Assert.Single(rows, r => (string)typeof(T).GetProperty("Level")!.GetValue(r)! == "organisation");

    private static (long Deployments, long Failed) Service(IReadOnlyList<ChangeFailureRate> rows, string service) =>
        Assert.Single(rows, r => r.Level == "service" && r.ServiceId == service) is var row ? (row.Deployments, row.FailedDeployments) : default;

    [Fact]
    public async Task A_team_run_labels_its_figures_as_the_teams_and_has_no_organisation_row()
    {
        Load(
            ("deployments", Deployment("d1", "pay-api", "2026-07-01T10:00:00Z")),
            ("deployments", Deployment("d2", "search-api", "2026-07-01T11:00:00Z")),
            ("incidents", Incident("i1", "pay-api", "2026-07-01T12:00:00Z", "2026-07-01T13:00:00Z")));

        var metrics = new MetricsService(_store.Database, Microsoft.Extensions.Options.Options.Create(new MetricsOptions()));
        var run = await metrics.QuarterAsync(Q3, "payments", CancellationToken.None);
        var levels = typeof(QuarterlyMetrics).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .SelectMany(p => ((System.Collections.IEnumerable)p.GetValue(run)!).Cast<object>())
            .Select(row => row.GetType().GetProperty("Level")?.GetValue(row) as string)
            .OfType<string>()
            .ToList();
        Assert.DoesNotContain("organisation", levels);
        var team = Assert.Single(run.ChangeFailureRate, r => r.Level == "team");
        Assert.Equal(("payments", 1L, 1L), (team.TeamId, team.Deployments, team.FailedDeployments));
        Assert.Equal(1, Assert.Single(run.DeploymentFrequency, r => r.Level == "team").Deployments);
    }

    public void Dispose() => _store.Dispose();

    private void Load(params (string Entity, Dictionary<string, string?> Fields)[] records) => _store.Load(records);

    private Task<IReadOnlyList<T>> Metrics<T>(string metric, Quarter? quarter = null) => _store.Metrics<T>(metric, quarter ?? Q3);
}
