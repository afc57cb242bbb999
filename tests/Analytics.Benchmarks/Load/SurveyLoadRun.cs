using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Core.Storage;

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

    public static async Task<int> RunAsync(string server, int seconds, int concurrency)
    {
        var rates = new List<double>();
        var lost = false;
        foreach (var (name, batch) in new[] { ("batched (one writer, up to 512 per transaction)", 512), ("one transaction per response", 1) })
        {
            using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = concurrency });
            using var service = await ServiceProcess.StartAsync(server, http, "--Pulse:Surveys:SubmissionsPerMinutePerClient=1000000", $"--Pulse:Surveys:MaxBatchSize={batch}");
            using var form = await http.GetAsync(new Uri(service.BaseAddress, Wave));
            var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
            var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
            HttpRequestMessage Submit()
            {
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.BaseAddress, Wave)) { Content = new FormUrlEncodedContent(Answers(token)) };
                request.Headers.Add("Cookie", cookie);
                return request;
            }

            var warmUp = await LoadDriver.DriveAsync(http, concurrency, TimeSpan.FromSeconds(3), Submit, r => r.StatusCode == HttpStatusCode.OK);
            var measured = await LoadDriver.DriveAsync(http, concurrency, TimeSpan.FromSeconds(seconds), Submit, r => r.StatusCode == HttpStatusCode.OK);
            await service.KillAsync();
            var stored = Count(service.Database, "SELECT count(*) FROM survey_responses WHERE wave_id = 'devex-pulse-now'");
            Console.WriteLine(LoadDriver.Describe(name, measured, stored) + $" (acknowledged with the warm-up: {warmUp.Acknowledged + measured.Acknowledged:N0})");
            lost |= stored != warmUp.Acknowledged + measured.Acknowledged;
            rates.Add(measured.PerSecond);
        }

        Console.WriteLine($"Batched writer: {rates[0] / rates[1]:N2}× the submissions/s of one transaction per response.");
        return lost ? 1 : 0;
    }

    /// <summary>A count from the database file, once the service has let go of it.</summary>
    internal static long Count(string database, string sql)
    {
        using var connection = new PulseConnection($"Data Source={database}");
        connection.Open();
        using var command = new PulseCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static KeyValuePair<string, string>[] Answers(string token) =>
    [
        new("__RequestVerificationToken", token), new("submission", Guid.NewGuid().ToString()),
        new("q_nps", "9"), new("q_fl_local", "4"), new("q_fl_deploy", "3"), new("q_cl_docs", "2"), new("q_cl_debug", "4"),
        new("q_flow_focus", "5"), new("q_flow_goals", "4"), new("q_hours_lost", "3–5 hours"), new("q_obstacle", "Waiting for CI on every push"),
    ];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
