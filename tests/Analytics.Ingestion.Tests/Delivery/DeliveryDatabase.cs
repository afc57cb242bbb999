using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Delivery;

/// <summary>A private database file (the metrics service opens its own connections) with two teams and three services, loaded the way every source loads.</summary>
public sealed class DeliveryDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-delivery-").FullName;

    public DeliveryDatabase()
    {
        Database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "delivery.duckdb") }));
        Connection = Database.Open();
        Migrate(new MetricsOptions());
        Load(
            ("teams", Fields(("team_id", "payments"), ("name", "Payments"))),
            ("teams", Fields(("team_id", "search"), ("name", "Search"))),
            ("services", Fields(("service_id", "pay-api"), ("team_id", "payments"))),
            ("services", Fields(("service_id", "pay-web"), ("team_id", "payments"))),
            ("services", Fields(("service_id", "search-api"), ("team_id", "search"))));
    }

    public PulseDatabase Database { get; }

    /// <summary>The clock every load is stamped with: a fixed day after the quarters the tests look at.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));

    public PulseConnection Connection { get; }

    public void Dispose()
    {
        Connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    public static Dictionary<string, string?> Fields(params (string Name, string? Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    public static Dictionary<string, string?> Deployment(string id, string service, string at, string? sha = null, string status = "success", string environment = "production",
        bool rollback = false, bool hotfix = false) =>
        Fields(("deployment_id", id), ("service_id", service), ("environment", environment), ("sha", sha ?? $"sha-{id}"), ("started_at", at), ("status", status),
            ("is_rollback", rollback ? "true" : "false"), ("is_hotfix", hotfix ? "true" : "false"));

    public static Dictionary<string, string?> Change(string id, string service, string firstCommit, string merged, string sha) =>
        Fields(("change_id", id), ("kind", "pull_request"), ("service_id", service), ("first_commit_at", firstCommit), ("opened_at", firstCommit), ("merged_at", merged), ("sha", sha));

    public static Dictionary<string, string?> Incident(string id, string service, string opened, string? resolved, string? causedBy = null, string? causedBySha = null, string severity = "sev2") =>
        Fields(("incident_id", id), ("service_id", service), ("title", "down"), ("severity", severity), ("opened_at", opened), ("resolved_at", resolved),
            ("caused_by_deployment_id", causedBy), ("caused_by_sha", causedBySha));

    /// <summary>Applies migrations and the delivery settings, as every start does.</summary>
    public void Migrate(MetricsOptions options) =>
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, Clock, Options.Create(options)).ApplyAsync(Connection, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Stores the records as one ingestion run, the way every source does.</summary>
    public void Load(params (string Entity, Dictionary<string, string?> Fields)[] records)
    {
        var batch = new IngestionBatch("test", "import", Clock);
        var line = 0;
        foreach (var (entity, fields) in records)
        {
            batch.Add(ImportableEntities.All[entity], new SourceRecord($"record {++line}", "", fields));
        }

        var result = batch.Run(Connection);
        Assert.Empty(result.Rejected);
    }

    public Task<IReadOnlyList<T>> Metrics<T>(string metric, Quarter quarter) =>
        new MetricsService(Database, Options.Create(new MetricsOptions())).QueryAsync<T>(metric, MetricsQuery.ForQuarter(quarter), CancellationToken.None);
}
