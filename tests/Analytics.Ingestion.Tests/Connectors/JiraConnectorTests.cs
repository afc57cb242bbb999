using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.Jira;
using Analytics.Ingestion.Sources.Jira;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// The Jira connector against a local Jira Cloud on Kestrel: <c>POST /rest/api/3/search/jql</c> with Basic auth,
/// answering with the sample search pages of <c>data-samples/jira</c> chained by <c>nextPageToken</c> (absent on the
/// last page, with <c>isLast: true</c>), after one 429 with <c>Retry-After</c>.
/// </summary>
public sealed class JiraConnectorTests : IAsyncLifetime, IDisposable
{
    private static readonly string Credentials = "Basic " + Convert.ToBase64String("pm@acme.example:jira-token"u8.ToArray());
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private HttpClient? _http;
    private readonly ConcurrentQueue<JsonObject> _searches = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private WebApplication _server = null!;
    private int _pages = 4;

    // Just after the newest sample issue (2026-10-01), whatever the real date.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        _server = await LocalServer.StartAsync(app => app.MapPost("/rest/api/3/search/jql", async (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != Credentials)
            {
                return Results.Json(new { errorMessages = new[] { "Client must be authenticated to access this resource." } }, statusCode: 401);
            }

            if (_failures.TryDequeue(out var status))
            {
                context.Response.Headers.RetryAfter = "0";
                return Results.Json(new { errorMessages = new[] { "Rate limit exceeded." } }, statusCode: status);
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            _searches.Enqueue(body);
            var page = body["nextPageToken"]?.GetValue<string>() is { } token ? int.Parse(token["page-".Length..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SamplePaths.Root, "jira", $"search-page-{page}.json")))!.AsObject();
            if (page == _pages - 1)
            {
                json.Remove("nextPageToken");
                json["isLast"] = true;
            }

            return Results.Text(json.ToJsonString(), "application/json");
        }));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_by_nextPageToken_through_a_429_and_keeps_the_latest_update_as_watermark()
    {
        _failures.Enqueue(429);
        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(756L, result.Inserted);
        Assert.Empty(result.Rejected);
        Assert.Equal(4, _searches.Count);
        Assert.Equal(["page-1", "page-2", "page-3"], _searches.Skip(1).Select(s => s["nextPageToken"]!.GetValue<string>()));
        var jql = _searches.First()["jql"]!.GetValue<string>();
        Assert.Matches("""^\(project in \(PAY, PLAT\)\) AND updated >= "\d{4}-\d\d-\d\d \d\d:\d\d" ORDER BY updated ASC$""", jql);
        Assert.Contains("customfield_10010", _searches.First()["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        var latest = Enumerable.Range(0, 4)
            .SelectMany(i => JiraIssueMapper.ReadPage(File.OpenRead(Path.Combine(SamplePaths.Root, "jira", $"search-page-{i}.json"))))
            .Max(issue => JiraIssueMapper.Updated(issue));
        Assert.Equal(latest, Watermark());
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM work_items WHERE source <> 'jira'"));
    }

    [Fact]
    public async Task Configured_kinds_win_and_an_unmapped_issue_type_is_a_dead_letter_while_the_rest_is_kept()
    {
        _pages = 1;
        var settings = Settings();
        settings.Kinds.IssueTypes.Remove("Story");
        settings.Kinds.RequestTypes["Pipeline failure"] = "incident";
        settings.ProjectTeams["PAY"] = "payments-squad";
        var result = await new JiraConnector(Client, Options.Create(settings), _clock).SyncAsync(_connection, "manual", CancellationToken.None);

        var stories = result.Rejected.Count;
        Assert.True(stories > 0);
        Assert.All(result.Rejected, r => Assert.Contains("has issue type 'Story', which no kind is mapped to: add it to Pulse:Sources:Jira:Kinds:IssueTypes", r.Reason, StringComparison.Ordinal));
        Assert.Equal(200L - stories, _connection.QuerySingle<long>("SELECT count(*) FROM work_items"));
        Assert.Equal((long)stories, _connection.QuerySingle<long>("SELECT count(*) FROM dead_letters WHERE source = 'jira'"));
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM work_items WHERE project = 'PAY' AND team_id <> 'payments-squad'"));
        Assert.Equal(11L, _connection.QuerySingle<long>("SELECT count(*) FROM work_items WHERE kind = 'incident' AND request_category = 'Pipeline failure'"));
    }

    [Fact]
    public async Task Rejected_credentials_fail_at_once_and_leave_the_watermark()
    {
        var settings = Settings();
        settings.ApiToken = "revoked";
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => new JiraConnector(Client, Options.Create(settings), _clock).SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.StartsWith("Jira refused the token (401", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
    }

    /// <summary>A client with the handlers the host gives the source, on the test's clock.</summary>
    private HttpClient Client => _http ??= new HttpClient(SourceHttp.CreateHandler(_server.BaseUrl(), "Jira", new SourceHttpOptions(), _clock));

    public void Dispose()
    {
        _http?.Dispose();
        _connection.Dispose();
    }

    private DateTimeOffset Watermark() =>
        DateTimeOffset.Parse(_connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE source = 'jira'"), System.Globalization.CultureInfo.InvariantCulture);

    private JiraOptions Settings() => new() { BaseUrl = _server.BaseUrl(), Email = "pm@acme.example", ApiToken = "jira-token", Jql = "project in (PAY, PLAT)", FirstSyncDays = 3650 };

    private JiraConnector Connector() => new(Client, Options.Create(Settings()), _clock);
}
