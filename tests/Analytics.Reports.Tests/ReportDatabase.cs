using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Reports.Building;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Reports.Tests;

/// <summary>A migrated database in a temporary folder, rows written as a load writes them, and a report builder over it at a fixed time.</summary>
public sealed class ReportDatabase : IDisposable
{
    private static readonly DateTimeOffset WrittenAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-report-").FullName;

    public ReportDatabase()
    {
        Database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = Path.Combine(_folder, "report.duckdb") }));
        using var connection = Database.Open();
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(connection, CancellationToken.None).GetAwaiter().GetResult();
    }

    public PulseDatabase Database { get; }

    public void Write<T>(IEnumerable<T> rows)
        where T : IStoredRow
    {
        using var connection = Database.Open();
        using (var appender = connection.CreateAppender(T.Table))
        {
            foreach (var row in rows)
            {
                RowStamp.Apply(row, WrittenAt).AppendTo(appender.CreateRow());
            }
        }

        // What every load does after storing deployments or changes: releases and change links re-derived.
        if (T.Table is "deployments" or "changes")
        {
            DeliveryLinker.Relink(connection, null);
        }
    }

    /// <summary>The series cache the builders of this database share.</summary>
    public MonthlySeriesCache SeriesCache { get; } = new();

    /// <summary>The metric-set cache the builders of this database share.</summary>
    public QuarterlyMetricsCache MetricsCache { get; } = new();

    /// <summary>The DX Core 4 and AI figure cache the builders of this database share.</summary>
    public FigureCache FigureCache { get; } = new();

    /// <summary>A report builder whose clock reads <paramref name="now"/>, with k = 5.</summary>
    public ReportBuilder Builder(DateTimeOffset now)
    {
        var metricsOptions = Options.Create(new MetricsOptions { MinimumGroupSize = 5 });
        return new ReportBuilder(Database, new MetricsService(Database, metricsOptions), SeriesCache, MetricsCache, FigureCache, metricsOptions, Options.Create(new ReportOptions()), new FakeTimeProvider(now));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
