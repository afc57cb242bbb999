using System.Globalization;
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
/// <c>POST /api/v1/events</c> over real HTTP (Kestrel on loopback), on the service's clock frozen at a fixed instant:
/// deliveries signed over <c>timestamp.deliveryId.body</c> as docs/push-ingestion.md describes.
/// </summary>
public sealed class EventsApiTests : IDisposable
{
    private const string Secret = "test-secret";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-events-").FullName;
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly WebApplicationFactory<Program> _factory;

    public EventsApiTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Pulse:Database:Path", DatabasePath)
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Webhooks:Secret", Secret)
            .UseSetting("Pulse:Webhooks:MaxBodyBytes", "4096")
            .UseClock(_clock));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    private sealed record Answer(long Stored, List<string> Rejected, bool AlreadyReceived);

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
        using var response = await SendAsync(client, Delivery.Signed(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<Answer>();
        Assert.Equal((2L, false), (accepted!.Stored, accepted.AlreadyReceived));
        Assert.Equal(2, accepted.Rejected.Count);
        Assert.StartsWith("event 3: field 'started_at' is 'yesterday'", accepted.Rejected[0], StringComparison.Ordinal);
        Assert.Equal((1L, 1L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM incidents)"));
    }

    [Fact]
    public async Task A_captured_earlier_event_replayed_after_a_newer_one_leaves_the_newer_state()
    {
        using var client = _factory.CreateClient();
        var running = Delivery.Signed(DeploymentEvent("in_progress", finishedAt: null));
        using (var first = await SendAsync(client, running))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        _clock.Advance(TimeSpan.FromSeconds(30));
        using (var second = await SendAsync(client, Delivery.Signed(DeploymentEvent("success", finishedAt: "2026-11-02T11:59:00Z"), Now + TimeSpan.FromSeconds(30))))
        {
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        _clock.Advance(TimeSpan.FromSeconds(30));
        using var replay = await SendAsync(client, running);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal((0L, true), await StoredAndRepeatedAsync(replay));
        Assert.Equal(("success", 2L), Count<(string, long)>("SELECT (SELECT status FROM deployments WHERE deployment_id = 'gh:7'), (SELECT count(*) FROM ingestion_runs)"));
    }

    [Fact]
    public async Task A_captured_request_replayed_after_the_tolerance_is_401_as_stale()
    {
        using var client = _factory.CreateClient();
        var captured = Delivery.Signed(DeploymentEvent("success", finishedAt: "2026-11-02T11:59:00Z"));
        using (var first = await SendAsync(client, captured))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var replay = await SendAsync(client, captured);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("X-Pulse-Timestamp is stale: 301 s behind", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, Count<long>("SELECT count(*) FROM ingestion_runs"));
    }

    [Fact]
    public async Task A_request_replayed_within_the_tolerance_is_answered_already_received_and_not_applied()
    {
        using var client = _factory.CreateClient();
        var incident = Delivery.Signed("""{"type": "incident", "data": {"incident_id": "pd:1", "title": "Down", "severity": "sev1", "opened_at": "2026-11-02T11:00:00Z"}}""");
        using (var first = await SendAsync(client, incident))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        using var replay = await SendAsync(client, incident);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal((0L, true), await StoredAndRepeatedAsync(replay));
        Assert.Equal((1L, 1L), Count("SELECT (SELECT count(*) FROM incidents), (SELECT count(*) FROM ingestion_runs)"));
    }

    [Fact]
    public async Task Delivery_ids_are_forgotten_once_their_window_has_passed()
    {
        using var client = _factory.CreateClient();
        using (await SendAsync(client, Delivery.Signed(DeploymentEvent("in_progress", finishedAt: null))))
        {
            Assert.Equal(1L, Count<long>("SELECT count(*) FROM webhook_deliveries"));
        }

        _clock.Advance(TimeSpan.FromMinutes(6));
        using var later = await SendAsync(client, Delivery.Signed(DeploymentEvent("success", finishedAt: "2026-11-02T12:05:00Z"), _clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.Equal(1L, Count<long>("SELECT count(*) FROM webhook_deliveries"));
    }

    [Fact]
    public async Task An_older_event_arriving_after_a_newer_one_is_ignored()
    {
        using var client = _factory.CreateClient();
        using (var newer = await SendAsync(client, Delivery.Signed(DeploymentEvent("success", finishedAt: "2026-11-02T11:59:00Z"))))
        {
            Assert.Equal(HttpStatusCode.Accepted, newer.StatusCode);
        }

        using var older = await SendAsync(client, Delivery.Signed(DeploymentEvent("in_progress", finishedAt: null)));

        Assert.Equal(HttpStatusCode.Accepted, older.StatusCode);
        Assert.Equal("success", Count<string>("SELECT status FROM deployments WHERE deployment_id = 'gh:7'"));
    }

    [Fact]
    public async Task A_timestamp_at_the_edge_of_the_tolerance_is_accepted_either_way()
    {
        using var client = _factory.CreateClient();
        using var late = await SendAsync(client, Delivery.Signed(DeploymentEvent("in_progress", finishedAt: null), Now - TimeSpan.FromMinutes(5)));
        using var early = await SendAsync(client, Delivery.Signed(DeploymentEvent("success", finishedAt: "2026-11-02T11:59:00Z"), Now + TimeSpan.FromMinutes(5)));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (late.StatusCode, early.StatusCode));
    }

    public static TheoryData<string, string> BadDeliveries => new()
    {
        { "missing timestamp", "Missing X-Pulse-Timestamp" },
        { "non-numeric timestamp", "X-Pulse-Timestamp must be the time of sending in unix seconds (digits only), not '1.7e9'" },
        { "negative timestamp", "X-Pulse-Timestamp must be the time of sending in unix seconds (digits only), not '-1793620800'" },
        { "huge timestamp", "X-Pulse-Timestamp must be the time of sending in unix seconds (digits only), not '99999999999999999999'" },
        { "future timestamp", "X-Pulse-Timestamp is in the future: 3600 s ahead of the service's clock" },
        { "missing delivery id", "Missing X-Pulse-Delivery" },
        { "delivery id with spaces", "X-Pulse-Delivery must be 1 to 200 visible ASCII characters" },
        { "delivery id too long", "X-Pulse-Delivery must be 1 to 200 visible ASCII characters" },
        { "signature over another timestamp", "Missing or wrong X-Pulse-Signature" },
        { "signature over another delivery id", "Missing or wrong X-Pulse-Signature" },
        { "signature of the body alone", "Missing or wrong X-Pulse-Signature" },
        { "missing signature", "Missing or wrong X-Pulse-Signature" },
        { "malformed signature", "Missing or wrong X-Pulse-Signature" },
    };

    [Theory]
    [MemberData(nameof(BadDeliveries))]
    public async Task A_bad_delivery_is_401_naming_the_problem_and_stores_nothing(string badness, string problem)
    {
        using var client = _factory.CreateClient();
        var body = DeploymentEvent("success", finishedAt: "2026-11-02T11:59:00Z");
        var good = Delivery.Signed(body);
        var delivery = badness switch
        {
            "missing timestamp" => good with { Timestamp = null },
            "non-numeric timestamp" => Delivery.Signed(body) with { Timestamp = "1.7e9" },
            "negative timestamp" => good with { Timestamp = "-" + good.Timestamp },
            "huge timestamp" => good with { Timestamp = "99999999999999999999" },
            "future timestamp" => Delivery.Signed(body, Now + TimeSpan.FromHours(1)),
            "missing delivery id" => good with { Id = null },
            "delivery id with spaces" => Delivery.Signed(body, Now, "my delivery"),
            "delivery id too long" => Delivery.Signed(body, Now, new string('x', 201)),
            "signature over another timestamp" => good with { Signature = Delivery.Signed(body, Now - TimeSpan.FromSeconds(1), good.Id).Signature },
            "signature over another delivery id" => good with { Signature = Delivery.Signed(body, Now, "another").Signature },
            "signature of the body alone" => good with { Signature = WebhookSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)) },
            "missing signature" => good with { Signature = null },
            "malformed signature" => good with { Signature = "signed-by-me" },
            _ => throw new ArgumentOutOfRangeException(nameof(badness), badness, null),
        };

        using var response = await SendAsync(client, delivery);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM ingestion_runs)"));
    }

    [Fact]
    public async Task Oversized_body_is_413_and_stores_nothing()
    {
        using var client = _factory.CreateClient();
        using var response = await SendAsync(client, Delivery.Signed(new string(' ', 5000) + """{"type": "deployment", "data": {}}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal((0L, 0L), Count("SELECT (SELECT count(*) FROM deployments), (SELECT count(*) FROM ingestion_runs)"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Deployment gh:7, started at 11:50 on the test's day.</summary>
    private static string DeploymentEvent(string status, string? finishedAt)
    {
        var finished = finishedAt is null ? "null" : $"\"{finishedAt}\"";
        return $$$"""{"type": "deployment", "data": {"deployment_id": "gh:7", "service_id": "api", "environment": "production", "started_at": "2026-11-02T11:50:00Z", "finished_at": {{{finished}}}, "status": "{{{status}}}"}}""";
    }

    private static async Task<(long, bool)> StoredAndRepeatedAsync(HttpResponseMessage response)
    {
        var answer = await response.Content.ReadFromJsonAsync<Answer>();
        return (answer!.Stored, answer.AlreadyReceived);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Delivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/events", UriKind.Relative))
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/x-ndjson"),
        };
        AddHeader(request, "X-Pulse-Timestamp", delivery.Timestamp);
        AddHeader(request, "X-Pulse-Delivery", delivery.Id);
        AddHeader(request, "X-Pulse-Signature", delivery.Signature);
        return await client.SendAsync(request);
    }

    private static void AddHeader(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }

    private (long, long) Count(string sql) => Count<(long, long)>(sql);

    private T Count<T>(string sql)
    {
        // The service holds the file; a connection in this process shares its database instance.
        using var connection = new PulseConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection.QuerySingle<T>(sql);
    }

    /// <summary>One delivery's body and headers, as a sender makes them; a test breaks one of them.</summary>
    private sealed record Delivery(string Body, string? Timestamp, string? Id, string? Signature)
    {
        public static Delivery Signed(string body, DateTimeOffset? sentAt = null, string? id = null)
        {
            var timestamp = (sentAt ?? Now).ToUnixTimeSeconds();
            id ??= Guid.NewGuid().ToString();
            return new Delivery(body, timestamp.ToString(CultureInfo.InvariantCulture), id, WebhookSignature.Sign(Secret, timestamp, id, Encoding.UTF8.GetBytes(body)));
        }
    }
}
