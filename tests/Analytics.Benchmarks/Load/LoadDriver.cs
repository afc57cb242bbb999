using System.Collections.Concurrent;
using System.Diagnostics;

namespace Analytics.Benchmarks.Load;

/// <summary>Sends requests from many concurrent clients for a fixed time and counts what was acknowledged.</summary>
public static class LoadDriver
{
    /// <summary>What a drive achieved.</summary>
    public sealed record Stats(long Acknowledged, long Failed, double Seconds, double[] LatenciesMs)
    {
        public double PerSecond => Acknowledged / Seconds;

        public double Percentile(double p) => LatenciesMs.Length == 0 ? 0 : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
    }

    /// <summary>Runs <paramref name="concurrency"/> loops for <paramref name="duration"/>; a response counts when <paramref name="acknowledged"/> says so.</summary>
    public static async Task<Stats> DriveAsync(HttpClient http, int concurrency, TimeSpan duration, Func<HttpRequestMessage> request, Func<HttpResponseMessage, bool> acknowledged)
    {
        var latencies = new ConcurrentBag<double>();
        long ok = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var message = request();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (acknowledged(response))
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return new Stats(ok, failed, clock.Elapsed.TotalSeconds, [.. latencies.Order()]);
    }

    /// <summary>One line for the console and the benchmarks page.</summary>
    public static string Describe(string name, Stats stats, long stored) =>
        $"{name}: {stats.PerSecond:N0}/s, p50 {stats.Percentile(0.5):N1} ms, p99 {stats.Percentile(0.99):N1} ms, max {stats.LatenciesMs.LastOrDefault():N0} ms; acknowledged {stats.Acknowledged:N0}, failed {stats.Failed:N0}, stored {stored:N0}";
}
