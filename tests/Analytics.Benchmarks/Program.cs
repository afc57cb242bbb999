using Analytics.Benchmarks.Load;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "survey-load")
{
    // A load run against a live service, not a BenchmarkDotNet micro-benchmark.
    return await SurveyLoadRun.RunAsync(args[1..]);
}

// A short job: a few warm iterations are enough to compare against a baseline measured in the same run.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
