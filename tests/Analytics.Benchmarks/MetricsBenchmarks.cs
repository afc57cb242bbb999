using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks;

/// <summary>
/// The full quarterly metric set for all teams on the org-scale dataset, against DuckDB scanning every column the
/// metric queries read. The dataset is made once by <c>analytics seed</c> (see docs/benchmarks.md) and named by
/// the <c>PULSE_BENCH_DB</c> environment variable.
/// </summary>
public class MetricsBenchmarks
{
    private static readonly Quarter Quarter = new(2026, 3);
    private PulseConnection _keeper = null!;
    private MetricsService _metrics = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("PULSE_BENCH_DB")
            ?? throw new InvalidOperationException("Set PULSE_BENCH_DB to a database made by 'analytics seed --engineers 2000 --days 730'.");
        var database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = path }));
        _keeper = database.Open();
        _metrics = new MetricsService(database, Options.Create(new MetricsOptions()));
    }

    [Benchmark(Baseline = true, Description = "DuckDB raw scan of the columns the metric queries touch")]
    public long RawScan()
    {
        using var command = new PulseCommand(Analytics.Core.Storage.SqlQueries.Get("benchmarks/raw_scan"), _keeper);
        using var reader = command.ExecuteReader();
        long rows = 0;
        do
        {
            while (reader.Read())
            {
                rows++;
            }
        }
        while (reader.NextResult());
        return rows;
    }

    [Benchmark(Description = "Full quarterly metric set, all teams (MetricsService.QuarterAsync)")]
    public int FullQuarter()
    {
        var result = _metrics.QuarterAsync(Quarter, null, CancellationToken.None).GetAwaiter().GetResult();
        return result.DeploymentFrequency.Count + result.DoraLevels.Count;
    }

    [GlobalCleanup]
    public void Cleanup() => _keeper.Dispose();
}
