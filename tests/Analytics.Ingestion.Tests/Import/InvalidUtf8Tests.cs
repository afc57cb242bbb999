using System.Text;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Import;

/// <summary>A record with bytes that are not UTF-8 is refused with its line (or its place in a JSON array), never stored with replacement characters.</summary>
public sealed class InvalidUtf8Tests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-utf8-").FullName;
    private readonly PulseConnection _connection = new("Data Source=:memory:");

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("teams.csv", "team_id,name\nops,Opérations\n", "web,Caf\xE9\n", "line 3")]
    [InlineData("teams.ndjson", "{\"team_id\": \"ops\", \"name\": \"Opérations\"}\n", "{\"team_id\": \"web\", \"name\": \"Caf\xE9\"}\n", "line 2")]
    [InlineData("teams.json", "[{\"team_id\": \"ops\", \"name\": \"Opérations\"},\n", "{\"team_id\": \"web\", \"name\": \"Caf\xE9\"}]\n", "record 2")]
    public void A_record_with_invalid_utf8_is_a_dead_letter_with_its_line_and_the_others_are_stored(string name, string good, string latin1Line, string location)
    {
        // The last record is written in Latin-1, as a spreadsheet saving "CSV" on Windows would: é is the lone byte 0xE9.
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(good), .. Encoding.Latin1.GetBytes(latin1Line)]);

        var result = FileImporter.Import(_connection, "teams", path, "test", _clock, null, CancellationToken.None);

        Assert.Equal(1, result.Inserted);
        var rejected = Assert.Single(result.Rejected);
        Assert.StartsWith($"{location}: not valid UTF-8 (byte 0xE9 at byte", rejected.ToString(), StringComparison.Ordinal);
        Assert.Equal(["Opérations"], _connection.Query<string>("SELECT name FROM teams ORDER BY team_id"));
        Assert.Equal(1, _connection.QuerySingle<long>("SELECT count(*) FROM dead_letters WHERE entity = 'teams' AND reason LIKE '%not valid UTF-8%'"));
    }

    public void Dispose()
    {
        _connection.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
