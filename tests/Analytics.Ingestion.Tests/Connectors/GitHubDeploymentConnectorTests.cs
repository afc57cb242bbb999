using System.Collections.Concurrent;
using Analytics.Core.Organisation;
using Analytics.Core.Storage.Migrations;
using Analytics.DuckDb;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.GitHub;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// The GitHub deployments connector against a local GitHub on Kestrel: deployments newest first, two per page with
/// a <c>Link: rel="next"</c> header, statuses per deployment, and a primary rate limit (403 with
/// <c>X-RateLimit-Remaining: 0</c> and a reset time) before the first page.
/// </summary>
public sealed class GitHubDeploymentConnectorTests : IAsyncLifetime, IDisposable
{
    private readonly DuckDbConnection _connection = new("Data Source=:memory:");
    private readonly HttpClient _client = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication _server = null!;
    private bool _rateLimitOnce;

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).ApplyAsync(_connection, CancellationToken.None);
        using (var appender = _connection.CreateAppender("services"))
        {
            new Service("payments-api", "payments-api", "payments", "acme/payments-api", "production", false, null, null, null, null, "test").AppendTo(appender.CreateRow());
        }

        _server = await LocalServer.StartAsync(app =>
        {
            app.MapGet("/repos/acme/payments-api/deployments", (HttpContext context) => Deployments(context));
            app.MapGet("/repos/acme/payments-api/deployments/{id}/statuses", (long id) => Results.Json(new[]
            {
                new { id = id * 10, state = id == 5 ? "failure" : "success", created_at = Created(id).AddMinutes(9).ToString("O") },
            }));
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Follows_Link_pages_waits_out_the_rate_limit_and_saves_the_watermark()
    {
        _rateLimitOnce = true;
        var result = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(6L, result.Inserted);
        Assert.Equal(3, _requests.Count(r => r.Contains("/deployments?", StringComparison.Ordinal)) - 1);
        Assert.Equal("failure", _connection.QuerySingle<string>("SELECT status FROM deployments WHERE deployment_id = 'github:5'"));
        Assert.StartsWith(Created(6).ToString("yyyy-MM-ddTHH:mm:ss"), _connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE source = 'github'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_token_is_named()
    {
        var connector = new GitHubDeploymentConnector(_client, Options.Create(new GitHubOptions { BaseUrl = BaseUrl }), TimeProvider.System);
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => connector.SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.StartsWith("GitHub has no token", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _client.Dispose();
        _connection.Dispose();
    }

    private Uri BaseUrl => _server.BaseUrl();

    private static DateTimeOffset Created(long id) => new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero).AddHours(id);

    private GitHubDeploymentConnector Connector() =>
        new(_client, Options.Create(new GitHubOptions { BaseUrl = BaseUrl, Token = "t", FirstSyncDays = 3650 }), TimeProvider.System);

    private IResult Deployments(HttpContext context)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        if (_rateLimitOnce)
        {
            _rateLimitOnce = false;
            context.Response.Headers["X-RateLimit-Remaining"] = "0";
            context.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new { message = "API rate limit exceeded" }, statusCode: 403);
        }

        var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
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
