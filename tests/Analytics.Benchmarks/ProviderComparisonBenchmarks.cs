using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.DuckDb;
using Analytics.Ingestion.Import;
using BenchmarkDotNet.Attributes;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Benchmarks;

/// <summary>
/// The project's own ADO.NET provider (<c>Analytics.DuckDb</c>) against the storage layer over DuckDB.NET, in one
/// run (issue 12): the appender, the reader, the full quarterly metric SQL set on the org-scale dataset and the
/// NDJSON import, which only runs on the new layer. Each provider gets its own database.
/// </summary>
public class ProviderComparisonBenchmarks
{
    private const int AppendedRows = 1_000_000;
    private const int ReadRows = 10_000_000;
    private const string AppendTable = "CREATE OR REPLACE TABLE appended (id BIGINT, amount DOUBLE, service VARCHAR, happened_at TIMESTAMPTZ)";
    private const string ReadTable = "CREATE TABLE facts AS SELECT i AS a, (i * 0.5)::DOUBLE AS b, (i % 1000)::INTEGER AS c FROM range(10000000) r(i)";
    private const string ReadQuery = "SELECT a, b, c FROM facts";
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-bench-providers-").FullName;
    private readonly string[] _services = Enumerable.Range(0, 97).Select(i => $"service-{i}").ToArray();
    private readonly List<(string Sql, object Parameters)> _metricQueries = [];
    private DuckDbConnection? _oldAppend;
    private DuckDbConnection? _oldRead;
    private DuckDbConnection? _oldMetrics;
    private PulseConnection? _newAppend;
    private PulseConnection? _newRead;
    private PulseConnection? _newMetrics;
    private PulseConnection? _import;
    private string _ndjson = string.Empty;

    [GlobalSetup(Targets = new[] { nameof(OldAppender), nameof(NewAppender) })]
    public void SetupAppender()
    {
        _oldAppend = OpenOld(Path.Combine(_folder, "old-append.duckdb"));
        _newAppend = OpenNew(Path.Combine(_folder, "new-append.duckdb"));
    }

    [GlobalSetup(Targets = new[] { nameof(OldReader), nameof(NewReader) })]
    public void SetupReader()
    {
        _oldRead = OpenOld(":memory:");
        _newRead = OpenNew(":memory:");
        using (var command = new DuckDbCommand(ReadTable, _oldRead))
        {
            command.ExecuteNonQuery();
        }

        _newRead.Execute(ReadTable);
    }

    /// <summary>Each provider gets its own copy of the dataset: two DuckDB instances in one process must not share a file.</summary>
    [GlobalSetup(Targets = new[] { nameof(OldMetricSet), nameof(NewMetricSet) })]
    public void SetupMetrics()
    {
        var org = Environment.GetEnvironmentVariable("PULSE_BENCH_DB")
            ?? throw new InvalidOperationException("Set PULSE_BENCH_DB to a database made by 'analytics seed --engineers 2000 --days 730'.");
        var oldCopy = Path.Combine(_folder, "old-org.duckdb");
        var newCopy = Path.Combine(_folder, "new-org.duckdb");
        File.Copy(org, oldCopy);
        File.Copy(org, newCopy);
        _oldMetrics = OpenOld(oldCopy);
        _newMetrics = OpenNew(newCopy);

        // The parameters MetricsService.RunAsync binds for a quarter of all teams, plus the report year of the DORA
        // bands and a team for the existence check; each query binds those it names.
        var options = new MetricsOptions();
        var quarter = MetricsQuery.ForQuarter(new Quarter(2026, 3));
        var parameters = new
        {
            from = quarter.From,
            to = quarter.To,
            grain = quarter.Grain.ToString().ToLowerInvariant(),
            tz = options.TimeZone,
            team = (string?)null,
            k = options.MinimumGroupSize,
            remediation_hours = options.RemediationWindowHours,
            infer_links = options.InferIncidentLinks,
            inference_hours = options.InferenceWindowHours,
        };
        foreach (var name in SqlQueries.List("metrics"))
        {
            object bound = name switch
            {
                "metrics/dora_thresholds" => new { report_year = options.DoraReportYear },
                "metrics/team_exists" => new { team = "team-1" },
                _ => parameters,
            };
            _metricQueries.Add((SqlQueries.Get(name), bound));
        }
    }

    [GlobalSetup(Target = nameof(NewImportNdjson))]
    public void SetupImport()
    {
        _ndjson = Path.Combine(_folder, "deployments.ndjson");
        using var writer = File.CreateText(_ndjson);
        for (var i = 0; i < AppendedRows; i++)
        {
            var started = Start.AddSeconds(i);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"deployment_id":"evt:{{i}}","service_id":"service-{{i % 600}}","environment":"{{(i % 2 == 0 ? "production" : "staging")}}","sha":"{{i:x40}}","started_at":"{{started:O}}","finished_at":"{{started.AddSeconds(300):O}}","status":"{{(i % 20 == 0 ? "failure" : "success")}}","is_hotfix":{{(i % 50 == 0 ? "true" : "false")}},"deployed_by":"eng-{{i % 2000}}"}"""));
        }
    }

    [IterationSetup(Targets = new[] { nameof(OldAppender), nameof(NewAppender) })]
    public void FreshTables()
    {
        using (var command = new DuckDbCommand(AppendTable, _oldAppend!))
        {
            command.ExecuteNonQuery();
        }

        _newAppend!.Execute(AppendTable);
    }

    /// <summary>A fresh in-memory database with the schema: emptying a million-row table costs more than the import.</summary>
    [IterationSetup(Target = nameof(NewImportNdjson))]
    public void FreshImportDatabase()
    {
        _import?.Dispose();
        _import = OpenNew(":memory:");
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_import, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Old: DuckDbAppender, 1M rows (BIGINT, DOUBLE, VARCHAR, TIMESTAMPTZ)")]
    [BenchmarkCategory("Appender")]
    public void OldAppender()
    {
        using var appender = _oldAppend!.CreateAppender("appended");
        for (var i = 0; i < AppendedRows; i++)
        {
            appender.CreateRow().AppendValue((long)i).AppendValue(i * 0.5).AppendValue(_services[i % 97]).AppendValue(Start.AddSeconds(i)).EndRow();
        }
    }

    [Benchmark(Description = "New: PulseAppender, 1M rows (BIGINT, DOUBLE, VARCHAR, TIMESTAMPTZ)")]
    [BenchmarkCategory("Appender")]
    public void NewAppender()
    {
        using var appender = _newAppend!.CreateAppender("appended");
        for (var i = 0; i < AppendedRows; i++)
        {
            appender.CreateRow().AppendValue((long)i).AppendValue(i * 0.5).AppendValue(_services[i % 97]).AppendValue(Start.AddSeconds(i)).EndRow();
        }
    }

    [Benchmark(Description = "Old: DuckDbDataReader, 10M rows × (BIGINT, DOUBLE, INTEGER)")]
    [BenchmarkCategory("Reader")]
    public double OldReader()
    {
        using var command = new DuckDbCommand(ReadQuery, _oldRead!);
        using var reader = command.ExecuteReader();
        double total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(0) + reader.GetDouble(1) + reader.GetInt32(2);
        }

        return total;
    }

    [Benchmark(Description = "New: DuckDBDataReader, 10M rows × (BIGINT, DOUBLE, INTEGER)")]
    [BenchmarkCategory("Reader")]
    public double NewReader()
    {
        using var command = new PulseCommand(ReadQuery, _newRead!);
        using var reader = command.ExecuteReader();
        double total = 0;
        while (reader.Read())
        {
            total += reader.GetInt64(0) + reader.GetDouble(1) + reader.GetInt32(2);
        }

        return total;
    }

    [Benchmark(Description = "Old: every queries/metrics/*.sql, 2026-Q3, all teams, Dapper, one after another")]
    [BenchmarkCategory("Metrics")]
    public int OldMetricSet() => RunMetricSet(_oldMetrics!);

    [Benchmark(Description = "New: every queries/metrics/*.sql, 2026-Q3, all teams, Dapper, one after another")]
    [BenchmarkCategory("Metrics")]
    public int NewMetricSet() => RunMetricSet(_newMetrics!);

    [Benchmark(Description = "New: analytics import, 1M deployment events from NDJSON")]
    [BenchmarkCategory("Import")]
    public long NewImportNdjson() => FileImporter.Import(_import!, "deployments", _ndjson, "bench", TimeProvider.System, null, CancellationToken.None).Inserted;

    [GlobalCleanup]
    public void Cleanup()
    {
        _import?.Dispose();
        _oldAppend?.Dispose();
        _newAppend?.Dispose();
        _oldRead?.Dispose();
        _newRead?.Dispose();
        _oldMetrics?.Dispose();
        _newMetrics?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static DuckDbConnection OpenOld(string dataSource)
    {
        var connection = new DuckDbConnection($"Data Source={dataSource}");
        connection.Open();
        return connection;
    }

    private static PulseConnection OpenNew(string dataSource)
    {
        var connection = new PulseConnection($"Data Source={dataSource}");
        connection.Open();
        return connection;
    }

    private int RunMetricSet(System.Data.Common.DbConnection connection)
    {
        var rows = 0;
        foreach (var (sql, parameters) in _metricQueries)
        {
            rows += connection.Query(sql, parameters).Count();
        }

        return rows;
    }
}
