using Analytics.Core.Delivery;
using Analytics.Core.Incidents;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Tests.Metrics;

/// <summary>
/// A small hand-made organisation in a private database file (the service opens its own connections, and DuckDB.NET
/// shares an in-memory database with none), with builders for the records a test needs and a
/// <see cref="MetricsService"/> over it.
/// </summary>
public sealed class MetricsFixture : IDisposable
{
    private static readonly DateTimeOffset WrittenAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-metrics-").FullName;
    private readonly PulseConnection _keeper;
    private int _sequence;

    public MetricsFixture(MetricsOptions? options = null)
    {
        Database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "metrics.duckdb") }));
        _keeper = Database.Open();
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_keeper, CancellationToken.None).GetAwaiter().GetResult();
        Metrics = new MetricsService(Database, Options.Create(options ?? new MetricsOptions()));
    }

    public PulseDatabase Database { get; }

    public MetricsService Metrics { get; }

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

    public MetricsFixture Team(string id, bool platform = false)
    {
        Write(new Team(id, id, null, platform, "UTC", "test"));
        return this;
    }

    public MetricsFixture Service(string id, string team, DateOnly? created = null, DateOnly? retired = null, DateOnly? onboarded = null, string lifecycle = "production")
    {
        Write(new Service(id, id, team, $"acme/{id}", lifecycle, false, onboarded, null, created, retired, "test"));
        return this;
    }

    public MetricsFixture Engineer(string id, string team, DateOnly start)
    {
        Write(new Engineer(id, id, null, id, team, start, null, "test"));
        return this;
    }

    /// <summary>A successful production deployment that went out at <paramref name="at"/> (finished = started).</summary>
    public string Deploy(string service, string at, string environment = "production", string status = "success", bool rollback = false, bool hotfix = false, string? by = null)
    {
        var id = $"d{++_sequence}";
        var time = At(at);
        Write(new Deployment(id, service, environment, $"sha{_sequence}", time, time, status, rollback, hotfix, true, by, "test"));
        return id;
    }

    /// <summary>A pull request first committed at <paramref name="firstCommit"/> and shipped by <paramref name="deployment"/>.</summary>
    public void Change(string service, string firstCommit, string? deployment, string? deployedAt, string kind = "pull_request", string? author = null, IReadOnlyList<string?>? labels = null)
    {
        var first = At(firstCommit);
        Write(new Change($"c{++_sequence}", kind, null, service, null, author, "change", labels ?? [], first, first.AddHours(1), first.AddHours(2), first.AddHours(3), null,
            deployment, "test", deployedAt is null ? null : At(deployedAt)));
    }

    /// <summary>A pull request with each moment of its timeline given (UTC instants; null when it never happened), shipped by <paramref name="deployment"/>.</summary>
    public void PullRequest(string service, string deployment, string deployedAt, string? firstCommit, string? opened, string? firstReview, string? merged)
    {
        static DateTimeOffset? Maybe(string? at) => at is null ? null : At(at);
        Write(new Change($"c{++_sequence}", "pull_request", null, service, null, null, "change", [], Maybe(firstCommit), Maybe(opened), Maybe(firstReview), Maybe(merged), null,
            deployment, "test", At(deployedAt)));
    }

    public void Incident(string service, string opened, string? resolved, string? causedBy = null, string severity = "sev2")
    {
        Write(new Incident($"i{++_sequence}", service, "incident", severity, At(opened), null, resolved is null ? null : At(resolved), causedBy, null, "test"));
    }

    public void Write<T>(T row)
        where T : IStoredRow
    {
        using (var appender = _keeper.CreateAppender(T.Table))
        {
            RowStamp.Apply(row, WrittenAt).AppendTo(appender.CreateRow());
        }

        // What every load does after storing rows: releases and change links re-derived.
        if (T.Table is "deployments" or "changes")
        {
            DeliveryLinker.Relink(_keeper, null);
        }
    }

    /// <summary>Many rows of one table through a single appender, for tests that build hundreds of them.</summary>
    public void WriteAll<T>(IEnumerable<T> rows)
        where T : IStoredRow
    {
        using var appender = _keeper.CreateAppender(T.Table);
        foreach (var row in rows)
        {
            RowStamp.Apply(row, WrittenAt).AppendTo(appender.CreateRow());
        }
    }

    public void Dispose()
    {
        _keeper.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
