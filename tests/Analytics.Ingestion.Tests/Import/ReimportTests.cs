using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Import;

/// <summary>What a re-import reports, and the records an import refuses or warns about.</summary>
public sealed class ReimportTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));
    private const string Deployments = """
        {"deployment_id": "d1", "service_id": "api", "environment": "Production", "sha": "m1", "started_at": "2026-07-01T10:00:00Z", "finished_at": "2026-07-01T10:05:00Z", "status": "success"}
        {"deployment_id": "d2", "service_id": "api", "environment": "staging", "sha": "m2", "started_at": "2026-07-02T10:00:00Z", "status": "failure"}
        """;

    private const string Changes = """
        {"change_id": "c1", "kind": "pull_request", "service_id": "api", "first_commit_at": "2026-06-30T10:00:00Z", "merged_at": "2026-07-01T09:00:00Z", "sha": "m1"}
        {"change_id": "c2", "kind": "pull_request", "service_id": "api", "merged_at": "2026-07-01T09:30:00Z", "sha": "m9", "deployment_id": "d1"}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-reimport-").FullName;
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        Import("services", "services.csv", "service_id,team_id\napi,payments\n");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Reimporting_identical_deployments_and_changes_reports_nothing_updated()
    {
        Assert.Equal((2L, 0L), Counts(Import("deployments", "d.ndjson", Deployments)));
        Assert.Equal((2L, 0L), Counts(Import("changes", "c.ndjson", Changes)));
        // Derived after load: the release of d1, environment spelling, c1 linked by its commit, c2's deployment time.
        Assert.Equal(("d1", "production"), _connection.QuerySingle<(string, string)>("SELECT release_id, environment FROM deployments WHERE deployment_id = 'd1'"));
        Assert.Equal("sha", _connection.QuerySingle<string>("SELECT linked_by FROM changes WHERE change_id = 'c1'"));

        Assert.Equal((0L, 0L), Counts(Import("deployments", "d.ndjson", Deployments)));
        Assert.Equal((0L, 0L), Counts(Import("changes", "c.ndjson", Changes)));
    }

    [Fact]
    public void Reimporting_a_changed_record_counts_only_that_record()
    {
        Import("deployments", "d.ndjson", Deployments);
        var changed = Import("deployments", "d.ndjson", Deployments.Replace("\"status\": \"failure\"", "\"status\": \"success\"", StringComparison.Ordinal));
        Assert.Equal((0L, 1L), Counts(changed));
    }

    [Fact]
    public void A_deployment_that_finished_before_it_started_is_a_dead_letter_with_the_reason()
    {
        var result = Import("deployments", "d.ndjson", """
            {"deployment_id": "d1", "service_id": "api", "environment": "production", "started_at": "2026-07-01T10:00:00Z", "finished_at": "2026-07-01T09:59:00Z", "status": "success"}
            {"deployment_id": "d2", "service_id": "api", "environment": "production", "started_at": "2026-07-01T10:00:00Z", "finished_at": "2026-07-01T10:00:00Z", "status": "success"}
            """);

        Assert.Equal(1, result.Inserted);
        Assert.Equal("line 1: field 'finished_at' is '2026-07-01T09:59:00Z', before 'started_at' ('2026-07-01T10:00:00Z').", Assert.Single(result.Rejected).ToString());
        Assert.Equal(1, _connection.QuerySingle<long>("SELECT count(*) FROM dead_letters WHERE reason LIKE '%before ''started_at''%'"));
    }

    [Fact]
    public void Records_of_a_service_not_in_the_catalog_are_stored_and_counted_as_unknown()
    {
        var result = Import("deployments", "d.ndjson", Deployments + """

            {"deployment_id": "d3", "service_id": "ghost", "environment": "production", "started_at": "2026-07-03T10:00:00Z", "status": "success"}
            """);

        Assert.Equal((3L, 0L), Counts(result));
        Assert.Equal(new Dictionary<string, long> { ["ghost"] = 1 }, result.UnknownServices);
        Assert.Equal(1, _connection.QuerySingle<long>("SELECT count(*) FROM deployments WHERE service_id = 'ghost'"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static (long Inserted, long Updated) Counts(ImportResult result)
    {
        Assert.Empty(result.Rejected);
        return (result.Inserted, result.Updated);
    }

    private ImportResult Import(string entity, string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return FileImporter.Import(_connection, entity, path, "test", _clock, null, CancellationToken.None);
    }
}
