using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Analytics.DuckDb;
using Analytics.Host.Tests.Cli;
using Dapper;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The service runs as its own process and is killed (SIGKILL, no shutdown) while submissions are in flight.
/// Every response it acknowledged with the thank-you page must be in the database when it is opened again.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const string Wave = "/s/open/devex-pulse-now";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-crash-").FullName;

    [Fact]
    public async Task Killing_the_service_loses_no_acknowledged_response()
    {
        var port = FreePort();
        var database = Path.Combine(_folder, "crash.duckdb");
        using var server = CliProcess.Start(_folder, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}", "--Pulse:Surveys:SubmissionsPerMinutePerClient=1000000");
        // Cookies are sent by hand: the open link's one-per-browser cookie must not stop this one client.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilUpAsync(http);

        using var form = await http.GetAsync(Wave);
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = SurveyWebApp.HiddenFields(await form.Content.ReadAsStringAsync())["__RequestVerificationToken"];

        var acknowledged = new ConcurrentBag<Guid>();
        using var enough = new CancellationTokenSource();
        var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!enough.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                using var request = new HttpRequestMessage(HttpMethod.Post, Wave)
                {
                    Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("submission", id.ToString()), .. SurveyWebApp.ValidAnswers()]),
                };
                request.Headers.Add("Cookie", antiforgeryCookie);
                try
                {
                    using var response = await http.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("your answers are saved", StringComparison.Ordinal))
                    {
                        acknowledged.Add(id);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
            }
        })).ToList();

        while (acknowledged.Count < 300)
        {
            await Task.Delay(10);
        }

        server.Kill(); // while the senders are still posting
        await enough.CancelAsync();
        await Task.WhenAll(senders);

        using var connection = new DuckDbConnection($"Data Source={database}");
        connection.Open();
        var stored = connection.Query<string>("SELECT CAST(response_id AS VARCHAR) FROM survey_responses WHERE wave_id = 'devex-pulse-now'").Select(Guid.Parse).ToHashSet();
        Assert.True(acknowledged.Count >= 300);
        Assert.All(acknowledged, id => Assert.Contains(id, stored));
        Assert.Equal(stored.Count * 8L, connection.ExecuteScalar<long>("SELECT count(*) FROM survey_answers a JOIN survey_responses r USING (response_id) WHERE r.wave_id = 'devex-pulse-now'"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 300; attempt++)
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

        throw new TimeoutException("The service did not come up within 30 s.");
    }
}
