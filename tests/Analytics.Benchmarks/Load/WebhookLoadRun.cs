using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Benchmarks.Load;

/// <summary>
/// A bounded load run against push ingestion (<c>POST /api/v1/events</c>): many concurrent clients send signed
/// deployment events (one a request, and NDJSON batches of 50) for a fixed time; then the service is killed and
/// the stored deployments are counted against the acknowledged events. Baseline in the same run: the same clients
/// calling <c>GET /healthz</c>, the cheapest request that touches the database.
/// </summary>
public static class WebhookLoadRun
{
    private const string Secret = "load-test-secret";

    public static async Task<int> RunAsync(string server, int seconds, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        using var service = await ServiceProcess.StartAsync(server, http, $"--Pulse:Webhooks:Secret={Secret}", "--Pulse:DemoData:LoadWhenEmpty=false");
        var health = await LoadDriver.DriveAsync(http, concurrency, TimeSpan.FromSeconds(seconds), () => new HttpRequestMessage(HttpMethod.Get, new Uri(service.BaseAddress, "/healthz")), r => r.IsSuccessStatusCode);
        Console.WriteLine(LoadDriver.Describe("baseline GET /healthz", health, 0));

        long sent = 0;
        var acknowledgedEvents = 0L;
        var results = new List<(string Name, LoadDriver.Stats Stats, int PerRequest)>();
        foreach (var perRequest in new[] { 1, 50 })
        {
            HttpRequestMessage Post()
            {
                var body = string.Join('\n', Enumerable.Range(0, perRequest).Select(_ => Event(Interlocked.Increment(ref sent))));
                var bytes = Encoding.UTF8.GetBytes(body);
                var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.BaseAddress, "/api/v1/events")) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new("application/x-ndjson");
                Sign(request, bytes);
                return request;
            }

            var stats = await LoadDriver.DriveAsync(http, concurrency, TimeSpan.FromSeconds(seconds), Post, r => r.StatusCode == HttpStatusCode.Accepted);
            acknowledgedEvents += stats.Acknowledged * perRequest;
            results.Add(($"{perRequest} event(s) per request", stats, perRequest));
        }

        await service.KillAsync();
        var stored = SurveyLoadRun.Count(service.Database, "SELECT count(*) FROM deployments");
        foreach (var (name, stats, perRequest) in results)
        {
            Console.WriteLine(LoadDriver.Describe(name, stats, stored) + $"; {stats.PerSecond * perRequest:N0} events/s = {stats.PerSecond / health.PerSecond:N3}× the baseline's requests/s");
        }

        Console.WriteLine($"Events acknowledged {acknowledgedEvents:N0}, deployments stored {stored:N0}.");
        return stored == acknowledgedEvents ? 0 : 1;
    }

    /// <summary>Signs as docs/push-ingestion.md says: HMAC-SHA256 over "timestamp.deliveryId.body", a new id per request.</summary>
    private static void Sign(HttpRequestMessage request, byte[] body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var deliveryId = Guid.NewGuid().ToString();
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.{deliveryId}.").Concat(body).ToArray();
        request.Headers.Add("X-Pulse-Timestamp", timestamp);
        request.Headers.Add("X-Pulse-Delivery", deliveryId);
        request.Headers.Add("X-Pulse-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)));
    }

    private static string Event(long n) => string.Create(CultureInfo.InvariantCulture,
        $$$"""{"type": "deployment", "data": {"deployment_id": "load:{{{n}}}", "service_id": "payments-api", "environment": "production", "started_at": "2026-11-01T10:00:00Z", "status": "success"}}""");
}
