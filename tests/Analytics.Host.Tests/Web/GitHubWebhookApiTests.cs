using System.Net;
using System.Net.Http.Json;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Webhooks;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web;

/// <summary>
/// GitHub deliveries in the shapes GitHub sends, over real HTTP (Kestrel on loopback), against the demo
/// organisation's catalog, on a frozen clock.
/// </summary>
public sealed class GitHubWebhookApiTests : IDisposable
{
    private const string Secret = "gh-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-github-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly WebApplicationFactory<Program> _factory;

    public GitHubWebhookApiTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Pulse:Database:Path", DatabasePath)
            .UseSetting("Pulse:Webhooks:GitHubSecret", Secret)
            .UseClock(_clock));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    private sealed record Delivery(string Outcome);

    private string DatabasePath => Path.Combine(_folder, "github.duckdb");

    [Fact]
    public async Task Deployment_status_delivery_becomes_a_deployment()
    {
        using var client = _factory.CreateClient();
        const string body = """
            {"action": "created",
             "deployment_status": {"id": 42, "state": "success", "created_at": "2026-09-01T10:09:00Z"},
             "deployment": {"id": 990001, "sha": "0123456789abcdef0123456789abcdef01234567", "ref": "main", "environment": "production",
                            "created_at": "2026-09-01T10:00:00Z", "creator": {"login": "octocat"}},
             "repository": {"full_name": "acme/payments-api"}}
            """;
        using var response = await SendAsync(client, "deployment_status", body, Sign(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<Delivery>())!.Outcome;
        Assert.True(outcome == "stored deployment github:990001 (success)", outcome);
        Assert.Equal(("payments-api", "production", "success"), Query<(string, string, string)>("SELECT service_id, environment, status FROM deployments WHERE deployment_id = 'github:990001'"));
    }

    [Fact]
    public async Task Merged_pull_request_delivery_becomes_a_change_and_an_open_one_is_ignored()
    {
        using var client = _factory.CreateClient();
        const string merged = """
            {"action": "closed", "number": 9999,
             "pull_request": {"number": 9999, "title": "Speed up checkout", "user": {"login": "octocat"}, "labels": [{"name": "hotfix"}],
                              "created_at": "2026-09-01T08:00:00Z", "merged_at": "2026-09-01T09:00:00Z", "merge_commit_sha": "abc"},
             "repository": {"full_name": "acme/payments-api"}}
            """;
        using var response = await SendAsync(client, "pull_request", merged, Sign(merged));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["hotfix"], Query<string[]>("SELECT labels FROM changes WHERE change_id = 'github:acme/payments-api#9999'"));
        Assert.Equal("octocat", Query<string>("SELECT value FROM change_signals WHERE change_id = 'github:acme/payments-api#9999' AND signal = 'author'"));

        var opened = merged.Replace("\"closed\"", "\"opened\"", StringComparison.Ordinal).Replace("\"2026-09-01T09:00:00Z\"", "null", StringComparison.Ordinal);
        using var ignored = await SendAsync(client, "pull_request", opened, Sign(opened));
        Assert.Equal("ignored: pull request opened, not merged", (await ignored.Content.ReadFromJsonAsync<Delivery>())!.Outcome);
    }

    [Fact]
    public async Task Delivery_for_an_unknown_repository_is_kept_as_a_dead_letter()
    {
        using var client = _factory.CreateClient();
        const string body = """
            {"deployment_status": {"id": 1, "state": "failure", "created_at": "2026-09-01T10:09:00Z"},
             "deployment": {"id": 5, "sha": "abc", "environment": "production", "created_at": "2026-09-01T10:00:00Z"},
             "repository": {"full_name": "someone/else"}}
            """;
        using var response = await SendAsync(client, "deployment_status", body, Sign(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith("rejected: repository someone/else is not in the catalog", (await response.Content.ReadFromJsonAsync<Delivery>())!.Outcome, StringComparison.Ordinal);
        Assert.Equal(1L, Query<long>("SELECT count(*) FROM dead_letters WHERE source = 'github'"));
    }

    [Fact]
    public async Task Wrong_signature_is_401_and_ping_is_answered()
    {
        using var client = _factory.CreateClient();
        const string body = """{"zen": "Keep it logically awesome."}""";
        using var unsigned = await SendAsync(client, "deployment_status", body, "sha256=00");
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(0L, Query<long>("SELECT count(*) FROM ingestion_runs WHERE source NOT LIKE '% (demo data)'"));

        using var ping = await SendAsync(client, "ping", body, Sign(body));
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task A_redelivery_with_the_same_delivery_id_is_acknowledged_and_not_applied_again()
    {
        using var client = _factory.CreateClient();
        var running = DeploymentStatus(1, "in_progress", "2026-09-01T10:01:00Z");
        const string deliveryId = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
        using (var first = await SendAsync(client, "deployment_status", running, Sign(running), deliveryId))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var runs = Query<long>("SELECT count(*) FROM ingestion_runs WHERE source = 'github'");
        using var again = await SendAsync(client, "deployment_status", running, Sign(running), deliveryId);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already received: not applied again", (await again.Content.ReadFromJsonAsync<Delivery>())!.Outcome);
        Assert.Equal(runs, Query<long>("SELECT count(*) FROM ingestion_runs WHERE source = 'github'"));
        Assert.Equal(1L, Query<long>($"SELECT count(*) FROM webhook_deliveries WHERE source = 'github' AND delivery_id = '{deliveryId}'"));
    }

    [Fact]
    public async Task A_delivery_id_is_remembered_for_the_configured_memory_and_then_forgotten()
    {
        using var client = _factory.CreateClient();
        var running = DeploymentStatus(1, "in_progress", "2026-09-01T10:01:00Z");
        using (await SendAsync(client, "deployment_status", running, Sign(running), "first"))
        {
            _clock.Advance(TimeSpan.FromDays(7));
            using var redelivered = await SendAsync(client, "deployment_status", running, Sign(running), "first");
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        _clock.Advance(TimeSpan.FromSeconds(1));
        using var later = await SendAsync(client, "deployment_status", running, Sign(running), "second");

        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.Equal(["second"], Query<string[]>("SELECT list(delivery_id) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task An_older_deployment_status_arriving_after_a_newer_one_is_ignored()
    {
        using var client = _factory.CreateClient();
        var success = DeploymentStatus(3, "success", "2026-09-01T10:09:00Z");
        var running = DeploymentStatus(2, "in_progress", "2026-09-01T10:05:00Z");
        using (var newer = await SendAsync(client, "deployment_status", success, Sign(success)))
        {
            Assert.Equal(HttpStatusCode.Accepted, newer.StatusCode);
        }

        using var older = await SendAsync(client, "deployment_status", running, Sign(running));

        Assert.Equal(HttpStatusCode.Accepted, older.StatusCode);
        Assert.Equal("ignored: the stored deployment has a newer status", (await older.Content.ReadFromJsonAsync<Delivery>())!.Outcome);
        Assert.Equal("success", Query<string>("SELECT status FROM deployments WHERE deployment_id = 'github:990002'"));
    }

    [Fact]
    public async Task A_delivery_without_a_delivery_id_is_400_and_stores_nothing()
    {
        using var client = _factory.CreateClient();
        var success = DeploymentStatus(3, "success", "2026-09-01T10:09:00Z");
        var runs = Query<long>("SELECT count(*) FROM ingestion_runs WHERE source = 'github'");

        using var response = await SendAsync(client, "deployment_status", success, Sign(success), deliveryId: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Missing X-GitHub-Delivery", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(runs, Query<long>("SELECT count(*) FROM ingestion_runs WHERE source = 'github'"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Sign(string body) => WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string eventName, string body, string signature, string? deliveryId = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/webhooks/github", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-Hub-Signature-256", signature);
        if (deliveryId is not null)
        {
            // GitHub sends a new GUID per delivery, and the same one again when a delivery is redelivered.
            request.Headers.Add("X-GitHub-Delivery", deliveryId.Length == 0 ? Guid.NewGuid().ToString() : deliveryId);
        }

        return await client.SendAsync(request);
    }

    private static string DeploymentStatus(long statusId, string state, string at) => $$$"""
        {"action": "created",
         "deployment_status": {"id": {{{statusId}}}, "state": "{{{state}}}", "created_at": "{{{at}}}"},
         "deployment": {"id": 990002, "sha": "0123456789abcdef0123456789abcdef01234567", "ref": "main", "environment": "production",
                        "created_at": "2026-09-01T10:00:00Z", "creator": {"login": "octocat"}},
         "repository": {"full_name": "acme/payments-api"}}
        """;

    private T Query<T>(string sql)
    {
        using var connection = new PulseConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection.QuerySingle<T>(sql);
    }
}
