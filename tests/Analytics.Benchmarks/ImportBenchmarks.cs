using System.Globalization;
using Analytics.Core.Delivery;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Benchmarks;

/// <summary>
/// Importing 1M deployment events from NDJSON (parse, validate, map, upsert by key, record the run) against the
/// raw appender loading the same rows, already in memory, into the same empty table.
/// </summary>
public class ImportBenchmarks
{
    private const int Rows = 1_000_000;
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-bench-import-").FullName;
    private PulseConnection? _connection;
    private List<Deployment> _deployments = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _deployments = Enumerable.Range(0, Rows).Select(i => new Deployment(
            $"evt:{i}", $"service-{i % 600}", i % 2 == 0 ? "production" : "staging", $"{i:x40}", start.AddSeconds(i), start.AddSeconds(i + 300),
            i % 20 == 0 ? "failure" : "success", false, i % 50 == 0, true, $"eng-{i % 2000}", "bench") { IngestedAt = start }).ToList();
        _file = Path.Combine(_folder, "deployments.ndjson");
        using var writer = File.CreateText(_file);
        foreach (var d in _deployments)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"deployment_id":"{{d.DeploymentId}}","service_id":"{{d.ServiceId}}","environment":"{{d.Environment}}","sha":"{{d.Sha}}","started_at":"{{d.StartedAt:O}}","finished_at":"{{d.FinishedAt:O}}","status":"{{d.Status}}","is_hotfix":{{(d.IsHotfix ? "true" : "false")}},"deployed_by":"{{d.DeployedBy}}"}"""));
        }
    }

    /// <summary>A fresh in-memory database with the schema: emptying a million-row table costs more than the benchmark.</summary>
    [IterationSetup]
    public void FreshDatabase()
    {
        _connection?.Dispose();
        _connection = new PulseConnection("Data Source=:memory:");
        _connection.Open();
        new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_connection, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Raw appender, 1M deployments from memory")]
    public void Appender()
    {
        using var appender = _connection!.CreateAppender("deployments");
        foreach (var deployment in _deployments)
        {
            deployment.AppendTo(appender.CreateRow());
        }
    }

    [Benchmark(Description = "analytics import: 1M deployment events from NDJSON")]
    public long ImportNdjson() => FileImporter.Import(_connection!, "deployments", _file, "bench", TimeProvider.System, null, CancellationToken.None).Inserted;

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
