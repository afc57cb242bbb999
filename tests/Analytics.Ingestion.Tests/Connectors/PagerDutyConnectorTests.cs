using Analytics.Core.Organisation;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.PagerDuty;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

public sealed class PagerDutyConnectorTests : IAsyncLifetime, IDisposable
{
    private readonly PulseConnection _connection = new("Data Source=:memory:");
    private HttpClient? _http;
    private FakePagerDuty _server = null!;

    // The incidents below are two weeks old on this clock, well inside the first sync's 90-day horizon on any real date.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _connection.Open();
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance, _clock).ApplyAsync(_connection, CancellationToken.None);
        using (var appender = _connection.CreateAppender("services"))
        {
            new Service("payments-api", "payments-api", "payments", null, "production", false, null, null, null, null, "test").StampedAt(_clock.GetUtcNow()).AppendTo(appender.CreateRow());
        }

        _server = await FakePagerDuty.StartAsync();
        for (var i = 1; i <= 250; i++)
        {
            _server.Incidents.Add(Incident($"Q{i}", i % 2 == 0 ? "payments-api" : "PX-other", $"2026-09-01T{i % 24:D2}:00:00Z"));
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pages_through_rate_limits_and_server_errors_and_keeps_a_watermark()
    {
        _server.FailuresToServe.Enqueue(429);
        _server.FailuresToServe.Enqueue(500);

        // The 500 is retried after a backoff on the connector's clock, which moves on until the sync is done.
        var result = await _clock.AdvanceUntilDone(Connector().SyncAsync(_connection, "manual", CancellationToken.None));

        Assert.Equal((250L, 0L), (result.Inserted, result.Updated));
        Assert.Equal(125L, _connection.QuerySingle<long>("SELECT count(*) FROM incidents WHERE service_id = 'payments-api'"));
        Assert.Equal(3, _server.Requests.Count(r => r.Contains("offset=", StringComparison.Ordinal)) - 2);
        var watermark = _connection.QuerySingle<string>("SELECT watermark FROM ingestion_watermarks WHERE source = 'pagerduty'");
        Assert.StartsWith("2026-09-01T23:00:00", watermark, StringComparison.Ordinal);

        // The next sync asks only for what changed since, and storing the same incidents again changes nothing.
        var again = await Connector().SyncAsync(_connection, "manual", CancellationToken.None);
        Assert.Contains(Uri.EscapeDataString(watermark), _server.Requests.Last(), StringComparison.Ordinal);
        Assert.Equal(0L, again.Inserted);
        Assert.Equal(250L, _connection.QuerySingle<long>("SELECT count(*) FROM incidents"));
    }

    [Fact]
    public async Task Rejected_token_fails_at_once_with_what_to_fix_and_leaves_the_watermark()
    {
        _server.Token = "another-token";
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => Connector().SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.StartsWith("PagerDuty refused the token (401", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
        Assert.Equal(0L, _connection.QuerySingle<long>("SELECT count(*) FROM ingestion_watermarks"));
        Assert.Equal(("failed", 0L), _connection.QuerySingle<(string, long)>("SELECT status, (SELECT count(*) FROM incidents) FROM ingestion_runs"));
    }

    [Fact]
    public async Task Malformed_page_fails_the_run_and_stores_nothing()
    {
        _server.MalformedBody = """{"incidents": [{"id": "Q1", "title": "t"}], "limit": 100, "offset": 0, "more": false}""";
        var error = await Assert.ThrowsAsync<FormatException>(() => Connector().SyncAsync(_connection, "manual", CancellationToken.None));
        Assert.Contains("incidents page", error.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L), _connection.QuerySingle<(long, long)>("SELECT (SELECT count(*) FROM incidents), (SELECT count(*) FROM ingestion_watermarks)"));
    }

    /// <summary>A client with the handlers the host gives the source, on the test's clock.</summary>
    private HttpClient Client => _http ??= new HttpClient(SourceHttp.CreateHandler(_server.BaseUrl, "PagerDuty", new SourceHttpOptions(), _clock));

    public void Dispose()
    {
        _http?.Dispose();
        _connection.Dispose();
    }

    private PagerDutyConnector Connector() => new(Client, Options.Create(new PagerDutyOptions { BaseUrl = _server.BaseUrl, Token = "good-token" }), _clock);

    private static object Incident(string id, string service, string created) => new
    {
        id,
        type = "incident",
        title = $"Incident {id}",
        status = "resolved",
        urgency = "high",
        created_at = created,
        resolved_at = created,
        last_status_change_at = created,
        service = new { id = service == "payments-api" ? "PPAY" : "POTHER", type = "service_reference", summary = service },
    };
}
