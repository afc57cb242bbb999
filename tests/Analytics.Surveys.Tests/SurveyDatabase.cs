using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Surveys.Tests;

/// <summary>
/// A migrated database file with two teams of six engineers, the DevEx pulse survey, an open anonymous wave
/// (<see cref="OpenWave"/>), an open named wave (<see cref="NamedWave"/>) and a closed one (<see cref="ClosedWave"/>).
/// </summary>
public sealed class SurveyDatabase : IDisposable
{
    public const string SurveyId = "pulse";
    public const string OpenWave = "pulse-open";
    public const string NamedWave = "pulse-named";
    public const string ClosedWave = "pulse-closed";

    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-surveys-").FullName;
    private readonly PulseConnection _keeper;

    public SurveyDatabase()
    {
        Clock = new TestClock(new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        Options = Microsoft.Extensions.Options.Options.Create(new SurveyOptions());
        Database = new PulseDatabase(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "surveys.duckdb") }));
        _keeper = Database.Open();
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, Clock).ApplyAsync(_keeper, CancellationToken.None).GetAwaiter().GetResult();
        Seed();
        Store = new SurveyStore(Database);
    }

    public PulseDatabase Database { get; }

    public TestClock Clock { get; }

    public IOptions<SurveyOptions> Options { get; }

    public SurveyStore Store { get; }

    public MetricsService Metrics => new(Database, Microsoft.Extensions.Options.Options.Create(new MetricsOptions()));

    public T Scalar<T>(string sql, object? parameters = null) => _keeper.ExecuteScalar<T>(sql, parameters)!;

    public void Execute(string sql, object? parameters = null) => _keeper.Execute(sql, parameters);

    public void Dispose()
    {
        _keeper.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private void Seed()
    {
        var now = Clock.GetUtcNow();
        using var connection = Database.Open();
        Append(connection, now, [new Team("payments", "Payments", null, false, "UTC", "test"), new Team("search", "Search", null, false, "UTC", "test")]);
        Append(connection, now, Enumerable.Range(1, 12).Select(i =>
            new Engineer($"e{i}", $"Engineer {i}", $"e{i}@example.com", null, i <= 6 ? "payments" : "search", new DateOnly(2025, 1, 1), null, "test")).ToList());
        Append(connection, now, [DevExPulseTemplate.Survey(SurveyId, now.AddDays(-30))]);
        Append(connection, now, DevExPulseTemplate.Questions(SurveyId).ToList());
        Append(connection, now,
        [
            new SurveyWave(OpenWave, SurveyId, "Open", now.AddDays(-2), now.AddDays(12), true, 5, null, "open"),
            new SurveyWave(NamedWave, SurveyId, "Named", now.AddDays(-2), now.AddDays(12), false, 5, null, "open"),
            new SurveyWave(ClosedWave, SurveyId, "Closed", now.AddDays(-40), now.AddDays(-20), true, 5, null, "closed"),
        ]);
    }

    private static void Append<T>(PulseConnection connection, DateTimeOffset writtenAt, IReadOnlyList<T> rows) where T : IStoredRow
    {
        using var appender = connection.CreateAppender(T.Table);
        foreach (var row in rows)
        {
            RowStamp.Apply(row, writtenAt).AppendTo(appender.CreateRow());
        }
    }
}
