using System.Collections.Concurrent;
using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>
/// A source's token goes only to its configured API origin (scheme, host, port). A second local server on another
/// port plays a hostile host that a next-page link or a redirect points to; it records every credential it is sent.
/// The connectors are resolved from the host's own registrations, so the HttpClient is configured as in production.
/// </summary>
public sealed class CredentialOriginTests : IAsyncLifetime, IDisposable
{
    private const string Project = "acme/ledger";
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private readonly ConcurrentQueue<string> _credentialsAtEvil = new();
    private readonly ConcurrentQueue<string> _requestsAtApi = new();
    private WebApplication _api = null!;
    private WebApplication _evil = null!;
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(_connection, CancellationToken.None);
        using (var appender = _connection.CreateAppender("services"))
        {
            new Service("ledger", "ledger", "payments", Project, "production", false, null, null, null, null, "test").StampedAt(At(0)).AppendTo(appender.CreateRow());
        }

        _evil = await LocalServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                foreach (var header in new[] { "Authorization", "PRIVATE-TOKEN" })
                {
                    if (context.Request.Headers.TryGetValue(header, out var value))
                    {
                        _credentialsAtEvil.Enqueue($"{header}: {value}");
                    }
                }

                await next();
            });
            app.MapGet("/repos/acme/ledger/deployments", () => Results.Json(new[] { GitHubDeployment(2) }));
            app.MapGet("/projects/acme%2Fledger/deployments", (HttpContext context) => GitLabPage(context, [GitLabDeployment(1)]));
        });

        _api = await LocalServer.StartAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                _requestsAtApi.Enqueue(context.Request.Path + context.Request.QueryString);
                await next();
            });
            app.MapGet("/repos/acme/ledger/deployments", (HttpContext context) =>
            {
                context.Response.Headers.Link = $"<{_evil.BaseUrl()}repos/acme/ledger/deployments?per_page=100&page=2>; rel=\"next\"";
                return Results.Json(new[] { GitHubDeployment(3) });
            });
            app.MapGet("/repos/acme/ledger/deployments/{id}/statuses", (long id) => Results.Json(new[]
            {
                new { id = id * 10, state = "success", created_at = At(id).AddMinutes(9).ToString("O") },
            }));
            app.MapGet("/projects/acme%2Fledger/deployments", (HttpContext context) =>
                Results.Redirect($"{_evil.BaseUrl()}projects/acme%2Fledger/deployments{context.Request.QueryString}"));
            app.MapGet("/moved/projects/acme%2Fledger/deployments", (HttpContext context) => GitLabPage(context, [GitLabDeployment(1)]));
            app.MapGet("/moved/projects/acme%2Fledger/merge_requests", (HttpContext context) => GitLabPage(context, []));
            app.MapGet("/same/projects/acme%2Fledger/{**rest}", (HttpContext context, string rest) =>
                Results.Redirect($"{_api.BaseUrl()}moved/projects/acme%2Fledger/{rest}{context.Request.QueryString}"));
        });
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        await _api.DisposeAsync();
        await _evil.DisposeAsync();
    }

    [Fact]
    public async Task GitHub_next_link_to_another_origin_is_refused_and_gets_no_token()
    {
        var connector = Resolve<GitHubConnector>(new()
        {
            ["Pulse:Sources:GitHub:BaseUrl"] = _api.BaseUrl().ToString(),
            ["Pulse:Sources:GitHub:Token"] = "ghp-secret",
            ["Pulse:Sources:GitHub:FirstSyncDays"] = "3650",
            ["Pulse:Sources:GitHub:PullRequests"] = "false",
        });

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => connector.SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.Empty(_credentialsAtEvil);
        Assert.Contains(_evil.BaseUrl().Authority, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("GitHub: refused to send credentials to", error.Message, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public async Task GitLab_redirect_to_another_origin_is_refused_and_gets_no_token()
    {
        var connector = Resolve<GitLabConnector>(GitLabSettings(_api.BaseUrl()));

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => connector.SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.Empty(_credentialsAtEvil);
        Assert.Contains(_evil.BaseUrl().Authority, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("GitLab: refused to follow a redirect", error.Message, StringComparison.Ordinal);
        AssertNothingStored();
    }

    [Fact]
    public async Task GitLab_redirect_within_the_configured_origin_is_followed()
    {
        var connector = Resolve<GitLabConnector>(GitLabSettings(new Uri(_api.BaseUrl(), "same/")));

        var result = await connector.SyncAsync(_connection, "manual", CancellationToken.None);

        Assert.Equal(1L, result.Inserted);
        Assert.Contains(_requestsAtApi, r => r.StartsWith("/moved/projects/acme%2Fledger/merge_requests?", StringComparison.Ordinal));
        Assert.Empty(_credentialsAtEvil);
    }

    public void Dispose() => _connection.Dispose();

    private static DateTimeOffset At(long id) => new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.Zero).AddHours(id);

    private static Dictionary<string, string?> GitLabSettings(Uri baseUrl) => new()
    {
        ["Pulse:Sources:GitLab:BaseUrl"] = baseUrl.ToString(),
        ["Pulse:Sources:GitLab:Token"] = "glpat-secret",
        ["Pulse:Sources:GitLab:Projects:0"] = Project,
        ["Pulse:Sources:GitLab:FirstSyncDays"] = "3650",
    };

    /// <summary>The connector as the host registers it, with the HttpClient the host's factory builds.</summary>
    private T Resolve<T>(Dictionary<string, string?> settings)
        where T : notnull
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPulseIngestion();
        _host = builder.Build();
        return _host.Services.GetRequiredService<T>();
    }

    private void AssertNothingStored()
    {
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM deployments"));
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
        Assert.Equal("failed", _connection.QuerySingle<string>("SELECT status FROM ingestion_runs"));
    }

    private static object GitHubDeployment(long id) => new
    {
        id, sha = $"sha{id}", @ref = "main", environment = "production", created_at = At(id).ToString("O"), creator = new { login = "octocat" },
    };

    private static object GitLabDeployment(int id) => new
    {
        id, iid = id, @ref = "main", sha = $"sha{id}", status = "success",
        created_at = At(id).ToString("O"), updated_at = At(id).AddMinutes(5).ToString("O"),
        user = new { id = 1, username = "alice" },
        environment = new { id = 9, name = "production", tier = "production" },
        deployable = new { id = id * 10, status = "success", started_at = At(id).AddMinutes(1).ToString("O"), finished_at = At(id).AddMinutes(5).ToString("O") },
    };

    /// <summary>A single page: GitLab leaves <c>X-Next-Page</c> empty on the last.</summary>
    private static IResult GitLabPage(HttpContext context, object[] items)
    {
        context.Response.Headers["X-Next-Page"] = "";
        return Results.Json(items);
    }
}
