using Analytics.Ingestion.Webhooks;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Ingestion.Tests.Webhooks;

/// <summary>The one writer of pushed events: each delivery id is applied once, even when copies queue together.</summary>
public sealed class EventIngestorTests : IDisposable
{
    private readonly Delivery.DeliveryDatabase _store = new();

    [Fact]
    public async Task Two_copies_of_a_delivery_stored_in_one_run_are_applied_once()
    {
        using var events = new EventIngestor(_store.Database, _store.Clock, NullLogger<EventIngestor>.Instance);
        var body = """{"type": "incident", "data": {"incident_id": "pd:1", "title": "Down", "severity": "sev1", "opened_at": "2026-10-15T08:00:00Z"}}"""u8.ToArray();
        var until = _store.Clock.GetUtcNow().AddMinutes(5);

        // Both are queued before the writer starts, so it takes them in one run.
        var first = events.IngestAsync(body, "d-1", until, CancellationToken.None);
        var copy = events.IngestAsync(body, "d-1", until, CancellationToken.None);
        await events.StartAsync(CancellationToken.None);
        var outcomes = await Task.WhenAll(first, copy);
        await events.StopAsync(CancellationToken.None);

        Assert.Equal([(1L, false), (0L, true)], outcomes.Select(o => (o.Stored, o.AlreadyReceived)));
        Assert.Equal((1L, 1L, 1L), _store.Connection.QuerySingle<(long, long, long)>(
            "SELECT (SELECT count(*) FROM ingestion_runs WHERE source = 'webhook'), (SELECT count(*) FROM webhook_deliveries), (SELECT count(*) FROM incidents)"));
    }

    [Fact]
    public async Task A_delivery_is_remembered_until_its_window_ends_and_then_applied_again()
    {
        using var events = new EventIngestor(_store.Database, _store.Clock, NullLogger<EventIngestor>.Instance);
        await events.StartAsync(CancellationToken.None);
        var body = """{"type": "incident", "data": {"incident_id": "pd:1", "title": "Down", "severity": "sev1", "opened_at": "2026-10-15T08:00:00Z"}}"""u8.ToArray();
        var until = _store.Clock.GetUtcNow().AddMinutes(5);

        await events.IngestAsync(body, "d-1", until, CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromMinutes(5));
        var atTheEnd = await events.IngestAsync(body, "d-1", until, CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await events.IngestAsync(body, "d-1", until.AddMinutes(5), CancellationToken.None);
        await events.StopAsync(CancellationToken.None);

        Assert.Equal((true, false), (atTheEnd.AlreadyReceived, after.AlreadyReceived));
    }

    public void Dispose() => _store.Dispose();
}
