using System.Collections.Concurrent;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.GitLab;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// The GitLab connector against a local GitLab v4 API on Kestrel: offset pages of two with <c>X-Next-Page</c> (empty
/// on the last page, as GitLab sends it), <c>PRIVATE-TOKEN</c> authentication, a 503 before the first page.
/// </summary>
public sealed class GitLabConnectorTests : IAsyncLifetime, IDisposable
{
    private const string Project = "acme/ledger";
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private HttpClient? _http;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<int> _failures = new();
    private WebApplication _server = null!;

    // Two weeks after the deployments and merge requests below, whatever the real date.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        using (var appender = _connection.CreateAppender("services"))
        {
            new Service("ledger", "ledger", "payments", Project, "production", false, null, null, null, null, "test").StampedAt(_clock.GetUtcNow()).AppendTo(appender.CreateRow());
        }

        _server = await LocalServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                _requests.Enqueue(context.Request.Path + context.Request.QueryString);
                if (context.Request.Headers["PRIVATE-TOKEN"] != "glpat-test")
                {
                    context.Response.StatusCode = 401;
                    await context.Response.WriteAsJsonAsync(new { message = "401 Unauthorized" });
                    return;
                }

                if (_failures.TryDequeue(out var status))
                {
                    context.Response.StatusCode = status;
                    context.Response.Headers.RetryAfter = "0";
                    return;
                }

                await next();
            });
            app.MapGet("/projects/acme%2Fledger/deployments", (HttpContext context) => Paged(context, [
                Deployment(1, "success", "production", "production"), Deployment(2, "failed", "production", "production"),
                Deployment(3, "canceled", "production", "production"), Deployment(4, "success", "staging", "staging"),
                Deployment(5, "running", "prod-eu", "production")]));
            app.MapGet("/projects/acme%2Fledger/merge_requests", (HttpContext context) => Paged(context, [
                MergeRequest(7, merged: true), MergeRequest(8, merged: true), MergeRequest(9, merged: false)]));
            app.MapGet("/projects/acme%2Fledger/merge_requests/{iid}/commits", (HttpContext context, int iid) => Paged(context, [
                new { id = $"s{iid}a", title = "Add ledger entry", authored_date = At(iid).AddHours(-6).ToString("O"),
                    message = iid == 8 ? "Add ledger entry\n\nCo-authored-by: GitHub Copilot <copilot@github.com>\nSigned-off-by: Alice <alice@example.com>\n" : "Add ledger entry\n" },
                new { id = $"s{iid}b", title = "Fix rounding", authored_date = At(iid).AddHours(-4).ToString("O"), message = "Fix rounding\n\nThe rounding was off by a cent.\n" }]));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_by_X_Next_Page_and_maps_deployments_and_merge_requests()
    {
        _failures.Enqueue(503);
        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(
            [("gitlab:1", "production", "success"), ("gitlab:2", "production", "failure"), ("gitlab:4", "staging", "success"), ("gitlab:5", "production", "in_progress")],
            _connection.Query<(string, string, string)>("SELECT deployment_id, environment, status FROM deployments ORDER BY 1"));
        Assert.Equal(6L, _connection.QuerySingle<long>("SELECT count(*) FROM changes"));
        Assert.Equal((At(8).AddHours(-6), At(8)), _connection.QuerySingle<(DateTimeOffset, DateTimeOffset)>(
            "SELECT first_commit_at, merged_at FROM changes WHERE change_id = 'gitlab:acme/ledger!8'"));
        // 4 deployments, 6 changes, and for the AI-assisted rule 2 authors and the 2 trailers of commit s8a.
        Assert.Equal(14L, result.Inserted);
        Assert.Equal(3, _requests.Count(r => r.StartsWith("/projects/acme%2Fledger/deployments?", StringComparison.Ordinal)) - 1);
        Assert.StartsWith(At(5).AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ss"), _connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE stream = 'deployments:acme/ledger'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_request_authors_and_commit_trailers_are_kept_and_the_ai_assisted_rule_reads_them()
    {
        await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(
        [
            ("gitlab:acme/ledger!7", "author", "alice"),
            ("gitlab:acme/ledger!8", "author", "alice"),
            ("gitlab:acme/ledger@s8a", "trailer", "Co-authored-by: GitHub Copilot <copilot@github.com>"),
            ("gitlab:acme/ledger@s8a", "trailer", "Signed-off-by: Alice <alice@example.com>"),
        ], _connection.Query<(string, string, string)>("SELECT change_id, signal, value FROM change_signals ORDER BY 1, 2, 3"));
        // The trailer of a commit marks its merge request; the unmerged !9 left nothing.
        Assert.Equal(["gitlab:acme/ledger!8"], _connection.Query<string>(
            "SELECT change_id FROM ai_assisted_changes(['(?i)^co-authored-by:.*copilot'], ['ai-assisted'], ['copilot']) ORDER BY 1"));
        Assert.Equal(["gitlab:acme/ledger!7", "gitlab:acme/ledger!8"], _connection.Query<string>(
            "SELECT change_id FROM ai_assisted_changes([], [], ['alice']) ORDER BY 1"));
    }

    [Fact]
    public async Task Second_sync_asks_only_for_what_was_updated_since_and_changes_nothing()
    {
        await Connector().SyncAsync(_connection, "manual", CancellationToken.None);
        var again = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(0L, again.Inserted);
        Assert.Contains(_requests, r => r.Contains("updated_after=" + Uri.EscapeDataString(At(5).AddMinutes(5).AddHours(-24).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")), StringComparison.Ordinal));
        Assert.Equal(4L, _connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
    }

    [Fact]
    public async Task Rejected_token_and_unknown_project_fail_with_what_to_fix()
    {
        var badToken = await Assert.ThrowsAsync<SourceRequestException>(() => Connector(token: "old").SyncAsync(_connection, "manual", CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<SourceRequestException>(() => Connector(project: "acme/unknown").SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.StartsWith("GitLab refused the token (401", badToken.Message, StringComparison.Ordinal);
        Assert.Equal("GitLab project 'acme/unknown' is not the repository of any catalogued service: add it to the catalog or remove it from Pulse:Sources:GitLab:Projects.", unknown.Message);
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
    }

    [Fact]
    public async Task Missing_token_or_projects_are_named_before_any_request_and_the_sync_fails_with_them()
    {
        var noToken = new GitLabConnector(Client, Options.Create(new GitLabOptions { BaseUrl = _server.BaseUrl() }), _clock);
        var noProjects = new GitLabConnector(Client, Options.Create(new GitLabOptions { BaseUrl = _server.BaseUrl(), Token = "glpat-test" }), _clock);

        Assert.Null(Connector().MissingSetting);
        Assert.Equal("GitLab has no token: set Pulse:Sources:GitLab:Token (or Pulse__Sources__GitLab__Token).", noToken.MissingSetting);
        Assert.Equal("GitLab has no projects to read: list them in Pulse:Sources:GitLab:Projects (Pulse__Sources__GitLab__Projects__0, …).", noProjects.MissingSetting);
        var refused = await Assert.ThrowsAsync<SourceRequestException>(() => noProjects.SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.Equal(noProjects.MissingSetting, refused.Message);
        Assert.Empty(_requests);
    }

    /// <summary>A client with the handlers the host gives the source, on the test's clock.</summary>
    private HttpClient Client => _http ??= new HttpClient(SourceHttp.CreateHandler(_server.BaseUrl(), "GitLab", new SourceHttpOptions(), _clock));

    public void Dispose()
    {
        _http?.Dispose();
        _connection.Dispose();
    }

    private static DateTimeOffset At(int id) => new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero).AddHours(id);

    private GitLabConnector Connector(string token = "glpat-test", string project = Project)
    {
        var settings = new GitLabOptions { BaseUrl = _server.BaseUrl(), Token = token, FirstSyncDays = 3650 };
        settings.Projects.Add(project);
        return new GitLabConnector(Client, Options.Create(settings), _clock);
    }

    private static object Deployment(int id, string status, string environment, string tier) => new
    {
        id, iid = id, @ref = "main", sha = $"sha{id}", status,
        created_at = At(id).ToString("O"), updated_at = At(id).AddMinutes(5).ToString("O"),
        user = new { id = 1, username = "alice" },
        environment = new { id = 9, name = environment, tier },
        deployable = new { id = id * 10, status, started_at = At(id).AddMinutes(1).ToString("O"), finished_at = At(id).AddMinutes(5).ToString("O") },
    };

    private static object MergeRequest(int iid, bool merged) => new
    {
        id = iid * 100, iid, title = $"Ledger change {iid}", state = merged ? "merged" : "opened",
        created_at = At(iid).AddHours(-5).ToString("O"), updated_at = At(iid).ToString("O"),
        merged_at = merged ? At(iid).ToString("O") : null, merge_commit_sha = $"m{iid}", squash_commit_sha = (string?)null, sha = $"h{iid}",
        author = new { username = "alice" }, labels = new[] { "backend" },
    };

    /// <summary>Two items a page; <c>X-Next-Page</c> names the next page, empty on the last, as GitLab sends it.</summary>
    private static IResult Paged(HttpContext context, object[] items)
    {
        var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
        var pages = (items.Length + 1) / 2;
        context.Response.Headers["X-Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Next-Page"] = page < pages ? (page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        context.Response.Headers["X-Total-Pages"] = pages.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(items.Skip((page - 1) * 2).Take(2));
    }
}
