using System.Diagnostics;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Reports;
using Analytics.Reports.Building;
using Analytics.Reports.Charts;
using Analytics.Reports.Printing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Benchmarks.Load;

/// <summary>
/// The full quarterly PDF for the organisation with 50 teams in its per-team tables, on the org-scale dataset
/// (<c>PULSE_BENCH_DB</c>), timed by stage over several runs after a warm-up, as the service makes it: one report
/// generator with its warm Chromium, series cache and metric-set cache (the warm-up run is the cold one, printed
/// apart). Baseline in the same run: the quarter's metric set alone (<see cref="MetricsService.QuarterAsync(Quarter, string?, CancellationToken)"/>), which the report
/// needs twice (this quarter and the last), computed on the cold run and from the cache after it.
/// </summary>
public static class ReportTimingRun
{
    public static async Task<int> RunAsync(int runs)
    {
        var path = Environment.GetEnvironmentVariable("PULSE_BENCH_DB") ?? throw new InvalidOperationException("Set PULSE_BENCH_DB (see docs/benchmarks.md).");
        var database = new PulseDatabase(Options.Create(new DatabaseOptions { Path = path }));
        using var keeper = database.Open();
        var teams = keeper.Query<string>("SELECT team_id FROM teams ORDER BY team_id LIMIT 50").ToList();
        var folder = Directory.CreateTempSubdirectory("pulse-report-bench-").FullName;
        var definition = Path.Combine(folder, "fifty-teams.yaml");
        await File.WriteAllTextAsync(definition, "teams:\n" + string.Concat(teams.Select(t => $"  - {t}\n")));

        var metricsOptions = Options.Create(new MetricsOptions());
        var reportOptions = Options.Create(new ReportOptions { Definition = definition });
        var metrics = new MetricsService(database, metricsOptions);
        await using var printer = new ChromiumPdfPrinter(reportOptions, NullLogger<ChromiumPdfPrinter>.Instance);
        var cache = new MonthlySeriesCache();
        var metricsCache = new QuarterlyMetricsCache();
        var generator = new ReportGenerator(new ReportBuilder(database, metrics, cache, metricsCache, new FigureCache(), metricsOptions, reportOptions, TimeProvider.System),
            new ChartRenderer(reportOptions), printer, reportOptions, TimeProvider.System);
        var quarter = new Quarter(2026, 3);
        var pdf = Path.Combine(folder, "report.pdf");

        var cold = (await generator.PdfAsync(quarter, null, pdf, null, CancellationToken.None)).Timings;
        var baseline = new List<double>();
        var reports = new List<ReportTimings>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await metrics.QuarterAsync(quarter, null, CancellationToken.None);
            baseline.Add(clock.Elapsed.TotalMilliseconds);
            reports.Add((await generator.PdfAsync(quarter, null, pdf, null, CancellationToken.None)).Timings);
        }

        double Median(IEnumerable<double> values) => values.Order().ElementAt(runs / 2);
        var total = Median(reports.Select(r => r.Total.TotalMilliseconds));
        var queries = Median(reports.Select(r => r.Queries.TotalMilliseconds));
        var forecasting = Median(reports.Select(r => r.Forecasting.TotalMilliseconds));
        var charts = Median(reports.Select(r => r.Charts.TotalMilliseconds));
        var html = Median(reports.Select(r => r.Html.TotalMilliseconds));
        var printing = Median(reports.Select(r => r.Printing.TotalMilliseconds));
        var metricSet = Median(baseline);
        Console.WriteLine($"Medians of {runs} runs, {teams.Count} teams, {new FileInfo(pdf).Length / 1024:N0} KB PDF:");
        Console.WriteLine($"  baseline: quarterly metric set {metricSet:N0} ms (1.00)");
        Console.WriteLine($"  first (cold) report {cold.Total.TotalMilliseconds:N0} ms ({cold.Total.TotalMilliseconds / metricSet:N2}×): queries {cold.Queries.TotalMilliseconds:N0}, forecasting {cold.Forecasting.TotalMilliseconds:N0}, charts {cold.Charts.TotalMilliseconds:N0}, HTML {cold.Html.TotalMilliseconds:N0}, PDF {cold.Printing.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  full report, warm {total:N0} ms ({total / metricSet:N2}× the baseline; series cache hits {cache.Hits}, metric-set cache hits {metricsCache.Hits})");
        Console.WriteLine($"    queries {queries:N0} ms ({queries / metricSet:N2}×), forecasting {forecasting:N0} ms ({forecasting / metricSet:N2}×), charts {charts:N0} ms ({charts / metricSet:N2}×), HTML {html:N0} ms ({html / metricSet:N2}×), PDF {printing:N0} ms ({printing / metricSet:N2}×)");
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
