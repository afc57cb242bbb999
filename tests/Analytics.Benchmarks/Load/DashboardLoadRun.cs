using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Analytics.Benchmarks.Load;

/// <summary>
/// The overview and delivery dashboards under a bounded loopback load on the org-scale dataset
/// (<c>PULSE_BENCH_DB</c>, copied aside so the original is never migrated or written): <c>analytics serve</c> as its
/// own process on 127.0.0.1, an admin signed in through the form, then <c>concurrency</c> clients each sending
/// <c>requests</c> rounds of <c>/healthz</c>, the overview and the delivery page of one quarter, interleaved so that
/// the baseline (<c>/healthz</c>) sees the same machine load as the pages. The first request of each page (the cold
/// metric set) is timed apart.
/// </summary>
public static partial class DashboardLoadRun
{
    private const string Password = "bench-password-for-loopback-only";

    public static async Task<int> RunAsync(string server, int concurrency, int requests, string quarter)
    {
        var source = Environment.GetEnvironmentVariable("PULSE_BENCH_DB") ?? throw new InvalidOperationException("Set PULSE_BENCH_DB (see docs/benchmarks.md).");
        var folder = Directory.CreateTempSubdirectory("pulse-dash-load-").FullName;
        var database = Path.Combine(folder, "org.duckdb");
        File.Copy(source, database);
        try
        {
            await SetPasswordAsync(server, database);
            var cookies = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = concurrency, AllowAutoRedirect = true });
            using var service = await ServiceProcess.StartOnAsync(server, database, http, "--Pulse:DemoData:LoadWhenEmpty=false");
            await SignInAsync(http, service.BaseAddress);

            var paths = new[] { "/healthz", $"/admin/dashboards?quarter={quarter}", $"/admin/dashboards/delivery?quarter={quarter}" };
            foreach (var path in paths.Skip(1))
            {
                var cold = Stopwatch.StartNew();
                using var first = await http.GetAsync(new Uri(service.BaseAddress, path));
                first.EnsureSuccessStatusCode();
                var page = await first.Content.ReadAsStringAsync();
                Console.WriteLine($"cold {path}: {cold.Elapsed.TotalMilliseconds:N0} ms, {page.Length:N0} characters, {Title().Match(page).Groups[1].Value}");
            }

            var latencies = paths.ToDictionary(p => p, _ => new List<double>());
            var failed = 0;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(client => Task.Run(async () =>
            {
                for (var round = 0; round < requests; round++)
                {
                    // Each client starts the round at a different page, so the three are requested side by side.
                    for (var i = 0; i < paths.Length; i++)
                    {
                        var path = paths[(i + client + round) % paths.Length];
                        var started = Stopwatch.GetTimestamp();
                        using var response = await http.GetAsync(new Uri(service.BaseAddress, path));
                        await response.Content.ReadAsByteArrayAsync();
                        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                        lock (latencies)
                        {
                            latencies[path].Add(elapsed);
                            failed += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
                        }
                    }
                }
            })));

            var baseline = Summary(latencies[paths[0]]);
            Console.WriteLine($"{concurrency} clients × {requests} rounds of {paths.Length} requests, quarter {quarter}, {failed} not 200:");
            foreach (var path in paths)
            {
                var (p50, p99, max) = Summary(latencies[path]);
                Console.WriteLine($"  {path}: p50 {p50:N1} ms ({p50 / baseline.P50:N1}× /healthz), p99 {p99:N1} ms ({p99 / baseline.P99:N1}× /healthz), max {max:N0} ms, n = {latencies[path].Count}");
            }

            return failed == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double P50, double P99, double Max) Summary(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (At(0.5), At(0.99), sorted[^1]);
    }

    private static async Task SetPasswordAsync(string server, string database)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", Path.GetFullPath(server), "admin", "set-password", "--user", "bench", "--db", database])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await process.StandardInput.WriteLineAsync(Password);
        process.StandardInput.Close();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin set-password failed: {error}");
        }
    }

    private static async Task SignInAsync(HttpClient http, Uri service)
    {
        var form = await http.GetStringAsync(new Uri(service, "/admin/login"));
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value);
        using var response = await http.PostAsync(new Uri(service, "/admin/login"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("username", "bench"), new("password", Password), new("returnUrl", "/admin/dashboards/data-health")]));
        if (response.StatusCode != HttpStatusCode.OK || !response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/admin/dashboards/data-health", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in failed: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}.");
        }
    }

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex Title();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
