using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Analytics.DuckDb;

namespace Analytics.Benchmarks.Load;

/// <summary>
/// A bounded load run against the survey form: starts <c>analytics serve</c> on a fresh database (demo data,
/// whose open wave is answered), posts valid responses from many concurrent clients for a fixed time, then kills
/// the service and counts the stored rows against the acknowledged answers. Run once with the batching writer and
/// once with one transaction per response (<c>Pulse:Surveys:MaxBatchSize=1</c>) for the comparison.
/// </summary>
public static partial class SurveyLoadRun
{
    private const string Wave = "/s/open/devex-pulse-now";

    /// <summary>What one configuration achieved (acknowledged, failed and stored include the 3 s warm-up).</summary>
    public sealed record Result(string Writer, int Concurrency, double Seconds, long Acknowledged, long Failed, long Stored, double PerSecond, double P50Ms, double P99Ms, double MaxMs);

    public static async Task<int> RunAsync(string[] args)
    {
        var server = Path.GetFullPath(Arg(args, "--server") ?? throw new ArgumentException("--server <path to analytics.dll> is required."));
        var seconds = int.Parse(Arg(args, "--seconds") ?? "15", CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Arg(args, "--concurrency") ?? "32", CultureInfo.InvariantCulture);
        var results = new List<Result>();
        foreach (var (name, batch) in new[] { ("batched (one writer, up to 512 per transaction)", 512), ("one transaction per response", 1) })
        {
            results.Add(await RunOnceAsync(server, name, batch, seconds, concurrency));
            var r = results[^1];
            Console.WriteLine($"{r.Writer}: {r.PerSecond:N0} submissions/s, p50 {r.P50Ms:N1} ms, p99 {r.P99Ms:N1} ms, max {r.MaxMs:N0} ms; acknowledged {r.Acknowledged:N0}, failed {r.Failed:N0}, stored {r.Stored:N0}");
        }

        Console.WriteLine($"Batched writer: {results[0].PerSecond / results[1].PerSecond:N2}× the submissions/s of one transaction per response.");
        return results.All(r => r.Stored == r.Acknowledged) ? 0 : 1;
    }

    private static async Task<Result> RunOnceAsync(string server, string name, int batch, int seconds, int concurrency)
    {
        var folder = Directory.CreateTempSubdirectory("pulse-load-").FullName;
        var database = Path.Combine(folder, "load.duckdb");
        var port = FreePort();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [
            "exec", server, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}",
            "--Pulse:Surveys:SubmissionsPerMinutePerClient=1000000", $"--Pulse:Surveys:MaxBatchSize={batch}",
            "--Logging:LogLevel:Default=Warning",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder })!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http);
            using var form = await http.GetAsync(Wave);
            var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
            var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);

            // Warm up the JIT and connections, then measure.
            var warmUp = new long[2];
            await DriveAsync(http, cookie, token, concurrency, TimeSpan.FromSeconds(3), new ConcurrentBag<double>(), warmUp);
            var latencies = new ConcurrentBag<double>();
            var counts = new long[2];
            var clock = Stopwatch.StartNew();
            await DriveAsync(http, cookie, token, concurrency, TimeSpan.FromSeconds(seconds), latencies, counts);
            var elapsed = clock.Elapsed.TotalSeconds;

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var stored = CountStored(database);
            var sorted = latencies.Order().ToArray();
            return new Result(name, concurrency, elapsed, warmUp[0] + counts[0], warmUp[1] + counts[1], stored, counts[0] / elapsed,
                Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted[^1]);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task DriveAsync(HttpClient http, string cookie, string token, int concurrency, TimeSpan duration, ConcurrentBag<double> latencies, long[] counts)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Wave) { Content = new FormUrlEncodedContent(Answers(token)) };
                request.Headers.Add("Cookie", cookie);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref counts[0]);
                }
                else
                {
                    Interlocked.Increment(ref counts[1]);
                }
            }
        })));
    }

    private static KeyValuePair<string, string>[] Answers(string token) =>
    [
        new("__RequestVerificationToken", token), new("submission", Guid.NewGuid().ToString()),
        new("q_nps", "9"), new("q_fl_local", "4"), new("q_fl_deploy", "3"), new("q_cl_docs", "2"), new("q_cl_debug", "4"),
        new("q_flow_focus", "5"), new("q_flow_goals", "4"), new("q_hours_lost", "3–5 hours"), new("q_obstacle", "Waiting for CI on every push"),
    ];

    private static long CountStored(string database)
    {
        using var connection = new DuckDbConnection($"Data Source={database}");
        connection.Open();
        using var command = new DuckDbCommand("SELECT count(*) FROM survey_responses WHERE wave_id = 'devex-pulse-now'", connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var health = await http.GetAsync("/healthz");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not come up within 60 s.");
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
