using System.Collections.Concurrent;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.GitHub;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// The GitHub connector against a local GitHub on Kestrel speaking the REST API's shapes: deployments newest first,
/// two per page with <c>Link: rel="next"</c>, statuses per deployment, a primary rate limit (403 with
/// <c>X-RateLimit-Remaining: 0</c> and a reset) before the first page; Actions runs of a deploy workflow and of
/// CI; closed pull requests by last update with their commits and reviews, behind a burst of 502s.
/// </summary>
public sealed class GitHubConnectorTests : IAsyncLifetime, IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private HttpClient? _http;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<int> _pullFailures = new();
    private WebApplication _server = null!;

    // Two weeks after the deployments and pull requests below, whatever the real date.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero));
    private bool _rateLimitOnce;
    private DateTimeOffset? _rateLimitReset;
    private DateTimeOffset? _retriedAt;
    private string _token = "t";
    private string? _brokenDeploymentsPage;
    private CancellationTokenSource? _cancelOnSecondPage;

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        using (var appender = _connection.CreateAppender("services"))
        {
            new Service("payments-api", "payments-api", "payments", "acme/payments-api", "production", false, null, null, null, null, "test").StampedAt(_clock.GetUtcNow()).AppendTo(appender.CreateRow());
        }

        _server = await LocalServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                _requests.Enqueue(context.Request.Path + context.Request.QueryString);
                if (context.Request.Headers.Authorization != $"Bearer {_token}")
                {
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsJsonAsync(new { message = "Bad credentials", documentation_url = "https://docs.github.com/rest" });
                    return;
                }

                await next();
            });
            app.MapGet("/repos/acme/payments-api/deployments", (HttpContext context) => Deployments(context));
            app.MapGet("/repos/acme/payments-api/deployments/{id}/statuses", (long id) => Results.Json(new[]
            {
                new { id = id * 10, state = id == 5 ? "failure" : "success", created_at = Created(id).AddMinutes(9).ToString("O") },
            }));
            app.MapGet("/repos/acme/payments-api/actions/runs", () => Results.Json(new
            {
                total_count = 4,
                workflow_runs = new object[]
                {
                    Run(104, "Deploy", ".github/workflows/deploy.yml", "failure"),
                    Run(103, "CI", ".github/workflows/ci.yml", "success"),
                    Run(102, "Deploy", ".github/workflows/deploy.yml", "cancelled"),
                    Run(101, "Deploy", ".github/workflows/deploy.yml", "success"),
                    Run(100, "Deploy", ".github/workflows/deploy.yml", "exploded"),
                },
            }));
            app.MapGet("/repos/acme/payments-api/pulls", (HttpContext context) => Pulls(context));
            app.MapGet("/repos/acme/payments-api/pulls/{number}/commits", (int number) => Results.Json(new[]
            {
                new { sha = $"c{number}a", commit = new { author = new { date = Created(number).AddHours(-5).ToString("O") }, message = "First step\n\nbody" }, author = new { login = "octocat" } },
                new { sha = $"c{number}b", commit = new { author = new { date = Created(number).AddHours(-3).ToString("O") }, message = "Second step" }, author = new { login = "octocat" } },
            }));
            app.MapGet("/repos/acme/payments-api/pulls/{number}/reviews", (int number) => Results.Json(new[]
            {
                new { state = "APPROVED", submitted_at = Created(number).AddHours(-1).ToString("O") },
            }));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Follows_Link_pages_waits_out_the_rate_limit_and_saves_the_watermark()
    {
        _rateLimitOnce = true;
        // The limit resets a second later on the connector's clock, which moves on until the sync is done.
        var result = await _clock.AdvanceUntilDone(Connector(pullRequests: false).SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.Equal(6L, result.Inserted);
        Assert.True(_retriedAt >= _rateLimitReset, $"retried at {_retriedAt:O}, before the reset at {_rateLimitReset:O}");
        Assert.Equal(3, _requests.Count(r => r.Contains("/deployments?", StringComparison.Ordinal)) - 1);
        Assert.Equal("failure", _connection.QuerySingle<string>("SELECT status FROM deployments WHERE deployment_id = 'github:5'"));
        Assert.StartsWith(Created(6).ToString("yyyy-MM-ddTHH:mm:ss"), Watermark("deployments:acme/payments-api"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_of_configured_deploy_workflows_count_as_deployments()
    {
        var connector = Connector(pullRequests: false, workflows: [new GitHubWorkflowDeployment { Workflow = "deploy.yml", Environment = "Production" }]);
        var result = await connector.SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(
            [("github-run:101", "success", "production", "sha101"), ("github-run:104", "failure", "production", "sha104")],
            _connection.Query<(string, string, string, string)>("SELECT deployment_id, status, environment, sha FROM deployments WHERE deployment_id LIKE 'github-run:%' ORDER BY 1"));
        var rejected = Assert.Single(result.Rejected);
        Assert.Contains("unknown conclusion 'exploded'", rejected.Reason, StringComparison.Ordinal);
        Assert.Contains(_requests, r => r.StartsWith("/repos/acme/payments-api/actions/runs?per_page=100&status=completed&created=%3E%3D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merged_pull_requests_come_with_commits_and_reviews_through_a_burst_of_502s()
    {
        _pullFailures.Enqueue(502);
        _pullFailures.Enqueue(502);
        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        // PRs 11 and 12 merged (2 changes + 2 commits each); PR 13 was closed without merging.
        Assert.Equal(6L, _connection.QuerySingle<long>("SELECT count(*) FROM changes"));
        // Also stored: the two merged pull requests' author logins, for the AI-assisted rule.
        Assert.Equal(6L + 6L + 2L, result.Inserted);
        Assert.Equal(2L, _connection.QuerySingle<long>("SELECT count(*) FROM change_signals WHERE signal = 'author'"));
        var pull = _connection.QuerySingle<(string Title, DateTimeOffset FirstCommit, DateTimeOffset FirstReview, DateTimeOffset Merged)>(
            "SELECT title, first_commit_at, first_review_at, merged_at FROM changes WHERE change_id = 'github:acme/payments-api#12'");
        Assert.Equal(("Change 12", Created(12).AddHours(-5), Created(12).AddHours(-1), Created(12)), pull);
        Assert.Equal("First step", _connection.QuerySingle<string>("SELECT title FROM changes WHERE change_id = 'github:acme/payments-api@c12a'"));

        // A second sync reads only pull requests updated since the watermark less the overlap: none new.
        var commitsBefore = _requests.Count(r => r.EndsWith("/commits?per_page=100", StringComparison.Ordinal));
        var again = await Connector(overlapHours: 0).SyncAsync(_connection, "manual", CancellationToken.None);
        Assert.Equal(0L, again.Inserted);
        Assert.Equal(commitsBefore, _requests.Count(r => r.EndsWith("/commits?per_page=100", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rejected_token_fails_at_once_naming_it_and_leaves_no_watermark()
    {
        _token = "rotated";
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Connector().SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.StartsWith("GitHub refused the token (401", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
        Assert.Equal(("failed", 0L), _connection.QuerySingle<(string, long)>("SELECT status, rows_inserted FROM ingestion_runs"));
    }

    [Fact]
    public async Task Malformed_page_fails_the_run_and_stores_nothing()
    {
        _brokenDeploymentsPage = "[{\"id\": 1, \"sha\": ";
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Connector(pullRequests: false).SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.Contains("deployments page", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
    }

    [Fact]
    public async Task Run_cancelled_half_way_stores_nothing_and_moves_no_watermark()
    {
        using var cancel = new CancellationTokenSource();
        _cancelOnSecondPage = cancel;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Connector(pullRequests: false).SyncAsync(_connection, "manual", cancel.Token));

        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
        Assert.Equal("cancelled", _connection.QuerySingle<string>("SELECT status FROM ingestion_runs"));
    }

    [Fact]
    public async Task Missing_token_is_named()
    {
        var connector = new GitHubConnector(Client, Options.Create(new GitHubOptions { BaseUrl = BaseUrl }), _clock);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => connector.SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.StartsWith("GitHub has no token", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client with the handlers the host gives the source, on the test's clock.</summary>
    private HttpClient Client => _http ??= new HttpClient(SourceHttp.CreateHandler(BaseUrl, "GitHub", new SourceHttpOptions(), _clock));

    public void Dispose()
    {
        _http?.Dispose();
        _connection.Dispose();
    }

    private Uri BaseUrl => _server.BaseUrl();

    private static DateTimeOffset Created(long id) => new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero).AddHours(id);

    private string Watermark(string stream) => _connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE source = 'github' AND stream = $stream", new { stream });

    private GitHubConnector Connector(bool pullRequests = true, GitHubWorkflowDeployment[]? workflows = null, int overlapHours = 24)
    {
        var settings = new GitHubOptions { BaseUrl = BaseUrl, Token = "t", FirstSyncDays = 3650, PullRequests = pullRequests, OverlapHours = overlapHours };
        foreach (var workflow in workflows ?? [])
        {
            settings.DeploymentWorkflows.Add(workflow);
        }

        return new GitHubConnector(Client, Options.Create(settings), _clock);
    }

    private static object Run(long id, string name, string path, string conclusion) => new
    {
        id, name, path, head_sha = $"sha{id}", status = "completed", conclusion, @event = "push",
        created_at = Created(id - 90).ToString("O"), run_started_at = Created(id - 90).AddMinutes(1).ToString("O"), updated_at = Created(id - 90).AddMinutes(12).ToString("O"),
        actor = new { login = "octocat" },
    };

    private IResult Pulls(HttpContext context)
    {
        if (_pullFailures.TryDequeue(out var status))
        {
            context.Response.Headers.RetryAfter = "0";
            return Results.Json(new { message = "Server Error" }, statusCode: status);
        }

        return Results.Json(new object[]
        {
            new { number = 13, title = "Change 13", created_at = Created(10).ToString("O"), updated_at = Created(13).ToString("O"), merged_at = (string?)null, merge_commit_sha = "m13", user = new { login = "octocat" }, labels = Array.Empty<object>() },
            new { number = 12, title = "Change 12", created_at = Created(9).ToString("O"), updated_at = Created(12).ToString("O"), merged_at = Created(12).ToString("O"), merge_commit_sha = "m12", user = new { login = "octocat" }, labels = new[] { new { name = "Hotfix" } } },
            new { number = 11, title = "Change 11", created_at = Created(8).ToString("O"), updated_at = Created(11).ToString("O"), merged_at = Created(11).ToString("O"), merge_commit_sha = "m11", user = new { login = "octocat" }, labels = Array.Empty<object>() },
        });
    }

    private IResult Deployments(HttpContext context)
    {
        if (_rateLimitOnce)
        {
            _rateLimitOnce = false;
            var reset = _clock.GetUtcNow().AddSeconds(1).ToUnixTimeSeconds();
            _rateLimitReset = DateTimeOffset.FromUnixTimeSeconds(reset);
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset"] = reset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { message = "API rate limit exceeded" }, statusCode: 403);
        }

        if (_rateLimitReset is not null)
        {
            _retriedAt ??= _clock.GetUtcNow();
        }

        if (_brokenDeploymentsPage is { } broken)
        {
            return Results.Text(broken, "application/json");
        }

        var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
        if (page == 2)
        {
            _cancelOnSecondPage?.Cancel();
        }

        var ids = Enumerable.Range(1, 6).Reverse().Skip((page - 1) * 2).Take(2).ToList();
        if (page < 3)
        {
            context.Response.Headers.Link = $"<{BaseUrl}repos/acme/payments-api/deployments?per_page=2&page={page + 1}>; rel=\"next\", <{BaseUrl}repos/acme/payments-api/deployments?per_page=2&page=3>; rel=\"last\"";
        }

        return Results.Json(ids.Select(id => new
        {
            id,
            sha = $"sha{id}",
            @ref = "main",
            environment = "production",
            created_at = Created(id).ToString("O"),
            creator = new { login = "octocat" },
        }));
    }
}
