using Analytics.Benchmarks.Load;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "report-timing")
{
    // Stage timings of whole reports; each run prints a PDF, which BenchmarkDotNet's many iterations would not suit.
    return await ReportTimingRun.RunAsync(runs: 5);
}

if (args.Length > 0 && args[0] is "survey-load" or "webhook-load")
{
    // A load run against a live service, not a BenchmarkDotNet micro-benchmark.
    string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    var server = Arg("--server", "src/Analytics.Host/bin/Release/net10.0/analytics.dll");
    var seconds = int.Parse(Arg("--seconds", "15"), System.Globalization.CultureInfo.InvariantCulture);
    var concurrency = int.Parse(Arg("--concurrency", "32"), System.Globalization.CultureInfo.InvariantCulture);
    return args[0] == "survey-load"
        ? await SurveyLoadRun.RunAsync(server, seconds, concurrency)
        : await WebhookLoadRun.RunAsync(server, seconds, concurrency);
}

if (args.Length > 0 && args[0] == "dashboard-load")
{
    // Bounded loopback load on the dashboards of the org-scale dataset, against /healthz in the same run.
    string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    return await DashboardLoadRun.RunAsync(Arg("--server", "src/Analytics.Host/bin/Release/net10.0/analytics.dll"),
        int.Parse(Arg("--concurrency", "4"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(Arg("--requests", "50"), System.Globalization.CultureInfo.InvariantCulture), Arg("--quarter", "2026-Q3"));
}

// A short job: a few warm iterations are enough to compare against a baseline measured in the same run.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
