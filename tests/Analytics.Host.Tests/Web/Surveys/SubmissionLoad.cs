using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Analytics.Core.Storage;
using Analytics.Host.Tests.Cli;
using Dapper;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The survey service as its own process with eight clients posting the open wave as fast as it answers;
/// records which responses were acknowledged and which requests got no answer at all.
/// </summary>
internal sealed partial class SubmissionLoad : IAsyncDisposable
{
    public const string Wave = "/s/open/devex-pulse-now";
    private readonly CancellationTokenSource _enough = new();
    private readonly HttpClient _http;
    private List<Task> _senders = [];

    private SubmissionLoad(CliProcess server, HttpClient http, string database)
    {
        Server = server;
        _http = http;
        Database = database;
    }

    public CliProcess Server { get; }

    public string Database { get; }

    /// <summary>Responses answered with the thank-you page.</summary>
    public ConcurrentBag<Guid> Acknowledged { get; } = [];

    /// <summary>Requests the service read but never answered (the connection ended without a response).</summary>
    public ConcurrentBag<string> Unanswered { get; } = [];

    /// <summary>Submissions whose connection closed before any answer: the service must not have stored them.</summary>
    public ConcurrentBag<Guid> EndedBeforeAnswer { get; } = [];

    public static async Task<SubmissionLoad> StartAsync(string folder)
    {
        var port = FreePort();
        var database = Path.Combine(folder, "load.duckdb");
        var server = CliProcess.Start(folder, "serve", "--db", database, "--urls", $"http://127.0.0.1:{port}", "--Pulse:Surveys:SubmissionsPerMinutePerClient=1000000");
        // Cookies are sent by hand: the open link's one-per-browser cookie must not stop this one client.
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var load = new SubmissionLoad(server, http, database);
        await load.WaitUntilUpAsync();
        using var form = await http.GetAsync(Wave);
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        var token = SurveyWebApp.HiddenFields(await form.Content.ReadAsStringAsync())["__RequestVerificationToken"];
        load._senders = [.. Enumerable.Range(0, 8).Select(_ => Task.Run(() => load.SendUntilStoppedAsync(token, antiforgeryCookie)))];
        return load;
    }

    /// <summary>Submissions the service answered with something other than the thank-you page: the status and the page's title.</summary>
    public ConcurrentBag<string> Refused { get; } = [];

    /// <summary>
    /// Waits for <paramref name="count"/> acknowledged responses; fails at once when the service refuses a
    /// submission (a changed form would otherwise keep the senders posting forever) and after three minutes.
    /// </summary>
    public async Task WaitForAcknowledgedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Acknowledged.Count < count)
        {
            if (Refused.TryPeek(out var refusal))
            {
                throw new InvalidOperationException($"The service refused a submission: {refusal}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Acknowledged.Count} of {count} submissions were acknowledged in three minutes.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Stops the clients (they also stop by themselves once the service is gone).</summary>
    public async Task StopSendingAsync()
    {
        await _enough.CancelAsync();
        await Task.WhenAll(_senders);
    }

    /// <summary>The ids of the responses stored in the open wave, and the number of their answers.</summary>
    public (HashSet<Guid> Responses, long Answers) Stored()
    {
        using var connection = new PulseConnection($"Data Source={Database}");
        connection.Open();
        var stored = connection.Query<string>("SELECT CAST(response_id AS VARCHAR) FROM survey_responses WHERE wave_id = 'devex-pulse-now'").Select(Guid.Parse).ToHashSet();
        var answers = connection.ExecuteScalar<long>("SELECT count(*) FROM survey_answers a JOIN survey_responses r USING (response_id) WHERE r.wave_id = 'devex-pulse-now'");
        return (stored, answers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopSendingAsync();
        _http.Dispose();
        Server.Dispose();
        _enough.Dispose();
    }

    private async Task SendUntilStoppedAsync(string token, string antiforgeryCookie)
    {
        while (!_enough.IsCancellationRequested)
        {
            var id = Guid.NewGuid();
            using var request = new HttpRequestMessage(HttpMethod.Post, Wave)
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("submission", id.ToString()), .. SurveyWebApp.ValidAnswers()]),
            };
            request.Headers.Add("Cookie", antiforgeryCookie);
            try
            {
                using var response = await _http.SendAsync(request);
                var page = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && page.Contains("your answers are saved", StringComparison.Ordinal))
                {
                    Acknowledged.Add(id);
                }
                else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    // 503 is the stopping service turning requests away; anything else means the form changed.
                    Refused.Add($"{(int)response.StatusCode} {Title().Match(page).Groups[1].Value}");
                    return;
                }
            }
            catch (HttpRequestException error)
            {
                // A refused connection is a request the service never took. A kept-alive connection closed by the
                // stopping server as the next request went out (ResponseEnded) may be one too: which it was is told
                // by the database (see EndedBeforeAnswer). Anything else ended a request the service had read.
                if (error.HttpRequestError == HttpRequestError.ResponseEnded)
                {
                    EndedBeforeAnswer.Add(id);
                }
                else if (error.HttpRequestError != HttpRequestError.ConnectionError)
                {
                    Unanswered.Add($"{id}: {error.HttpRequestError} {error.Message}");
                }

                return; // the server is gone
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<title>([^<]*)</title>")]
    private static partial System.Text.RegularExpressions.Regex Title();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilUpAsync()
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var health = await _http.GetAsync("/healthz");
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
