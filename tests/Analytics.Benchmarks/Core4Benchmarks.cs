using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks;

/// <summary>
/// DX Core 4 on the org-scale dataset (<c>PULSE_BENCH_DB</c>, see docs/benchmarks.md) against the full quarterly
/// metric set in the same run: training the work-item text model (a fresh service, so nothing is cached), and the
/// Core 4 set once the model is cached for the data version.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class Core4Benchmarks
{
    private static readonly Quarter Quarter = new(2026, 3);
    private PulseDatabase _database = null!;
    private PulseConnection _keeper = null!;
    private MetricsService _metrics = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("PULSE_BENCH_DB")
            ?? throw new InvalidOperationException("Set PULSE_BENCH_DB to a database made by 'analytics seed --engineers 2000 --days 730'.");
        _database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = path }));
        _keeper = _database.Open();
        _metrics = new MetricsService(_database, Options.Create(new MetricsOptions()));
        _metrics.Core4Async(Quarter, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Full quarterly metric set, all teams (MetricsService.QuarterAsync)")]
    public int FullQuarter() => _metrics.QuarterAsync(Quarter, null, CancellationToken.None).GetAwaiter().GetResult().DoraLevels.Count;

    [Benchmark(Description = "Training the work-item model: rules, 5-fold cross-validation, fit (fresh service)")]
    public bool TrainModel() =>
        new MetricsService(_database, Options.Create(new MetricsOptions())).WorkItemModelAsync(CancellationToken.None).GetAwaiter().GetResult().Status.Used;

    [Benchmark(Description = "Core 4 set, all teams, model cached (MetricsService.Core4Async)")]
    public int Core4Warm() => _metrics.Core4Async(Quarter, null, CancellationToken.None).GetAwaiter().GetResult().Panels.Count;

    [GlobalCleanup]
    public void Cleanup() => _keeper.Dispose();
}
