using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Ingestion.Tests.Import;

/// <summary><c>analytics import ai_usage</c> and <c>ai_seats</c>: another assistant's figures in the Copilot connector's shape.</summary>
public sealed class AiUsageImportTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-ai-import-").FullName;
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_connection, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Csv_rows_are_stored_by_assistant_and_bad_rows_dead_lettered_with_a_reason()
    {
        var file = Write("usage.csv", """
            assistant,scope,day,editor,language,active_users,engaged_users,suggestions,acceptances,chats
            Cursor,acme,2026-09-01,,,14,11,300,90,25
            cursor,acme,2026-09-01,cursor,python,,6,200,70,
            cursor,acme,2026-09-02,,,15,12,40,50,3
            ,acme,2026-09-03,,,1,1,1,1,1
            cursor,acme,2026-13-01,,,1,1,1,1,1
            cursor,acme,2026-09-04,,,many,1,1,1,1
            """);

        var result = Import("ai_usage", file);

        Assert.Equal((2L, 4), (result.Inserted, result.Rejected.Count));
        Assert.Equal([("all", "all", 90L), ("cursor", "python", 70L)],
            _connection.Query<(string, string, long)>("SELECT editor, language, acceptances FROM ai_usage_daily WHERE assistant = 'cursor' ORDER BY editor, language"));
        var reasons = _connection.Query<string>("SELECT reason FROM dead_letters WHERE entity = 'ai_usage' ORDER BY reason").ToList();
        Assert.Contains(reasons, r => r.Contains("'acceptances' is 50, more than 'suggestions' (40)", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("field 'assistant' is missing", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("field 'day' is '2026-13-01', not a date", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("field 'active_users' is 'many', not a whole number", StringComparison.Ordinal));

        Assert.Equal(0L, Import("ai_usage", file).Inserted);
    }

    [Fact]
    public void Ndjson_seats_import_and_a_seat_without_an_assignment_time_is_refused()
    {
        var file = Write("seats.ndjson", """
            {"assistant": "cursor", "login": "Ada", "assigned_at": "2026-08-01T09:00:00Z", "last_activity_at": "2026-09-01T10:00:00Z"}
            {"assistant": "cursor", "login": "bob"}
            """);

        var result = Import("ai_seats", file);

        Assert.Equal((1L, 1), (result.Inserted, result.Rejected.Count));
        Assert.Equal("ada", _connection.QuerySingle<string>("SELECT login FROM ai_seats"));
        Assert.Contains("field 'assigned_at' is missing", result.Rejected[0].Reason, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private ImportResult Import(string entity, string path) =>
        FileImporter.Import(_connection, entity, path, "file", TimeProvider.System, null, CancellationToken.None);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
