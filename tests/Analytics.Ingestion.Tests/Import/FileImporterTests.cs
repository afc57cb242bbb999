using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Ingestion.Tests.Import;

public sealed class FileImporterTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-import-").FullName;
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_connection, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Ndjson_import_is_idempotent_and_records_the_run()
    {
        var file = Write("deployments.ndjson", """
            {"deployment_id": "d1", "service_id": "api", "environment": "Production", "sha": "abc", "started_at": "2026-07-01T10:00:00Z", "finished_at": "2026-07-01T12:05:00+02:00", "status": "success"}
            {"deployment_id": "d2", "service_id": "api", "environment": "staging", "started_at": "2026-07-02T10:00:00Z", "status": "failure", "is_rollback": true}
            """);
        var first = Import("deployments", file);
        Assert.Equal((2L, 0L, 0), (first.Inserted, first.Updated, first.Rejected.Count));
        var snapshot = Snapshot();
        Assert.Equal(
        [
            ("d1", "production", new DateTimeOffset(2026, 7, 1, 10, 5, 0, TimeSpan.Zero), false),
            ("d2", "staging", (DateTimeOffset?)null, true),
        ], snapshot);

        var second = Import("deployments", file);
        Assert.Equal((0L, 0L), (second.Inserted, second.Updated));
        Assert.Equal(snapshot, Snapshot());
        Assert.Equal(2, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_runs WHERE status = 'succeeded' AND trigger = 'import'"));
    }

    [Fact]
    public void Bad_records_go_to_dead_letters_with_line_and_reason_and_the_rest_is_kept()
    {
        var file = Write("incidents.ndjson", """
            {"incident_id": "i1", "title": "ok", "severity": "sev2", "opened_at": "2026-07-01T10:00:00Z"}
            {"incident_id": "i2", "title": "no zone", "severity": "sev2", "opened_at": "2026-07-01 10:00:00"}
            {"incident_id": "i3", "title": "odd", "severity": "catastrophic", "opened_at": "2026-07-01T10:00:00Z"}
            {"incident_id": "i4", "severity": "sev1", "opened_at": "2026-07-01T10:00:00Z"}
            {"incident_id": "i5", "title": "broken"
            {"incident_id": "i1", "title": "ok again, later in the same batch", "severity": "sev3", "opened_at": "2026-07-01T11:00:00Z"}
            """);
        var result = Import("incidents", file);

        Assert.Equal((1L, 0L), (result.Inserted, result.Updated));
        Assert.Equal(
        [
            "line 2: field 'opened_at' is '2026-07-01 10:00:00', a time without a zone; write it in ISO 8601 with Z or an offset.",
            "line 3: field 'severity' is 'catastrophic', not one of sev1, sev2, sev3, sev4, sev5.",
            "line 4: field 'title' is missing or empty.",
        ], result.Rejected.Take(3).Select(r => r.ToString()));
        Assert.StartsWith("line 5: malformed JSON", result.Rejected[3].ToString(), StringComparison.Ordinal);
        Assert.Equal(("sev3", "ok again, later in the same batch"), _connection.QuerySingle<(string, string)>("SELECT severity, title FROM incidents"));
        Assert.Equal(4, _connection.QuerySingle<long>("SELECT count(*) FROM dead_letters WHERE entity = 'incidents' AND payload LIKE '{%'"));
        Assert.Equal(4, _connection.QuerySingle<long>("SELECT rows_rejected FROM ingestion_runs"));
    }

    [Fact]
    public void Csv_with_a_bad_row_keeps_the_others_and_names_the_line()
    {
        var file = Write("work.csv", """
            work_item_id,project,kind,title,labels,status,created_at
            jira:P-1,P,bug,Crash,ui;urgent,Done,2026-07-01T09:00:00Z
            jira:P-2,P,spike,Explore,,Done,2026-07-01T09:00:00Z
            jira:P-3,P,feature,Search,,Open,2026-07-02T09:00:00+01:00
            """);
        var result = Import("work_items", file);
        Assert.Equal(2, result.Inserted);
        Assert.Equal("line 3: field 'kind' is 'spike', not one of bug, feature, incident, rework, support_request, task.", Assert.Single(result.Rejected).ToString());
        Assert.Equal(["ui", "urgent"], _connection.QuerySingle<string[]>("SELECT labels FROM work_items WHERE work_item_id = 'jira:P-1'"));
    }

    [Fact]
    public void Csv_with_a_wrong_header_stores_nothing()
    {
        TableCount("work_items", expected: 0);
        var file = Write("work.csv", "work_item_id,project,colour\nx,P,red\n");
        var error = Assert.Throws<FormatException>(() => Import("work_items", file));
        Assert.Contains("column(s) 'colour' are not fields of this entity", error.Message, StringComparison.Ordinal);
        TableCount("work_items", expected: 0);
        Assert.Equal("failed", _connection.QuerySingle<string>("SELECT status FROM ingestion_runs"));
    }

    [Theory]
    [InlineData("widgets", "data.ndjson", "'widgets' is not an importable entity")]
    [InlineData("deployments", "data.xml", "'.xml' files are not supported")]
    public void Unknown_entity_or_format_is_named(string entity, string name, string message)
    {
        var file = Write(name, "{}");
        var error = Assert.ThrowsAny<Exception>(() => Import(entity, file));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_changes_are_linked_to_the_deployment_that_shipped_them()
    {
        Import("deployments", Write("d.ndjson", """{"deployment_id": "d1", "service_id": "api", "environment": "production", "sha": "m1", "started_at": "2026-07-01T10:00:00Z", "status": "success"}"""));
        Import("changes", Write("c.json", """[{"change_id": "c1", "kind": "pull_request", "service_id": "api", "first_commit_at": "2026-06-30T10:00:00Z", "merged_at": "2026-07-01T09:00:00Z", "sha": "m1"}]"""));
        Assert.Equal("d1", _connection.QuerySingle<string>("SELECT deployment_id FROM changes WHERE change_id = 'c1'"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private List<(string, string, DateTimeOffset?, bool)> Snapshot() =>
        _connection.Query<(string, string, DateTimeOffset?, bool)>("SELECT deployment_id, environment, finished_at, is_rollback FROM deployments ORDER BY 1").ToList();

    private ImportResult Import(string entity, string path) => FileImporter.Import(_connection, entity, path, "test", TimeProvider.System, null, CancellationToken.None);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private void TableCount(string table, long expected) => Assert.Equal(expected, _connection.QuerySingle<long>($"SELECT count(*) FROM {table}"));
}
