using System.Net;
using System.Net.Http.Json;
using System.Text;
using Analytics.DuckDb;
using Analytics.Ingestion.Webhooks;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Host.Tests.Web;

public sealed class EventsApiTests : IDisposable
{
    private const string Secret = "test-secret";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-events-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public EventsApiTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Pulse:Database:Path", DatabasePath)
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Webhooks:Secret", Secret)
            .UseSetting("Pulse:Webhooks:MaxBodyBytes", "4096"));
    }

    private sealed record Accepted(long Stored, List<string> Rejected);

    private string DatabasePath => Path.Combine(_folder, "events.duckdb");

    [Fact]
    public async Task Signed_ndjson_batch_is_stored_and_bad_events_are_reported()
    {
        using var client = _factory.CreateClient();
        var body = """
            {"type": "deployment", "data": {"deployment_id": "gh:1", "service_id": "api", "environment": "production", "started_at": "2026-07-01T10:00:00Z", "status": "success"}}
            {"type": "incident", "data": {"incident_id": "pd:1", "title": "Down", "severity": "sev1", "opened_at": "2026-07-01T11:00:00Z", "caused_by_deployment_id": "gh:1"}}
            {"type": "deployment", "data": {"deployment_id": "gh:2", "service_id": "api", "environment": "production", "started_at": "yesterday", "status": "success"}}
            {"type": "spaceship", "data": {}}
            """;
        using var response = await PostAsync(client, body, WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<Accepted>();
        Assert.Equal(2, accepted!.Stored);
        Assert.Equal(2, accepted.Rejected.Count);
        Assert.StartsWith("event 3: field 'started_at' is 'yesterday'", accepted.Rejected[0], StringComparison.Ordinal);
        Assert.Equal((1L, 1L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM incidents)"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("signed-by-me")]
    public async Task Missing_or_wrong_signature_is_401_and_stores_nothing(string? signature)
    {
        using var client = _factory.CreateClient();
        const string body = """{"type": "deployment", "data": {"deployment_id": "gh:1", "service_id": "api", "environment": "production", "started_at": "2026-07-01T10:00:00Z", "status": "success"}}""";
        using var response = await PostAsync(client, body, signature);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Pulse-Signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM ingestion_runs)"));
    }

    [Fact]
    public async Task Oversized_body_is_413_and_stores_nothing()
    {
        using var client = _factory.CreateClient();
        var body = new string(' ', 5000) + """{"type": "deployment", "data": {}}""";
        using var response = await PostAsync(client, body, WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0L, 0L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM ingestion_runs)"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson"),
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Pulse-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private (long, long) Count(string sql)
    {
        // The service holds the file; a connection in this process shares its database instance.
        using var connection = new DuckDbConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection.QuerySingle<(long, long)>(sql);
    }
}
