using System.Text;
using System.Threading.Channels;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// Stores pushed events: one JSON object, or NDJSON with one per line, each <c>{"type": "deployment" | "change"
/// | "incident" | "work_item", "data": {…fields as for import…}}</c>. Bad events become dead letters and the rest
/// are stored. One writer stores them: deliveries that arrive while it writes queue up and are stored together as
/// one ingestion run in one transaction, and each caller is answered only after that commit. So concurrent
/// deliveries never conflict, and many small ones cost one commit instead of many. Each delivery id is remembered
/// in that transaction: a delivery whose id was stored is answered as already received and not applied again, and
/// a deployment event older than the stored state is ignored rather than rolling it back.
/// </summary>
public sealed partial class EventIngestor(PulseDatabase database, TimeProvider clock, ILogger<EventIngestor> logger) : BackgroundService
{
    /// <summary>Most deliveries stored in one run.</summary>
    private const int MaxDeliveriesPerRun = 256;

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Parses and stores a body sent as delivery <paramref name="deliveryId"/>, which is remembered until
    /// <paramref name="rememberUntil"/>; returns what was stored and refused, once committed.
    /// </summary>
    public Task<EventDeliveryOutcome> IngestAsync(byte[] body, string deliveryId, DateTimeOffset rememberUntil, CancellationToken cancellationToken)
    {
        var batch = new IngestionBatch("webhook", "webhook", clock);
        var line = 0;
        foreach (var text in Encoding.UTF8.GetString(body).Split('\n'))
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                AddEvent(batch, text.Trim(), $"event {line}");
            }
        }

        var delivery = new Delivery(deliveryId, rememberUntil, batch, new TaskCompletionSource<EventDeliveryOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(delivery))
        {
            throw new InvalidOperationException("The service is shutting down and takes no more events.");
        }

        return delivery.Stored.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var deliveries = new List<Delivery>(MaxDeliveriesPerRun);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(deliveries);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: take no more, but store what was already accepted for writing.
            _queue.Writer.TryComplete();
            await DrainAsync(deliveries);
        }
    }

    private async Task DrainAsync(List<Delivery> deliveries)
    {
        while (true)
        {
            deliveries.Clear();
            while (deliveries.Count < MaxDeliveriesPerRun && _queue.Reader.TryRead(out var next))
            {
                deliveries.Add(next);
            }

            if (deliveries.Count == 0)
            {
                return;
            }

            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                var (fresh, repeated) = Split(connection, deliveries);
                if (fresh.Count > 0)
                {
                    Store(connection, fresh);
                }

                foreach (var delivery in repeated)
                {
                    delivery.Stored.TrySetResult(EventDeliveryOutcome.Duplicate);
                }
            }
            catch (Exception error) when (error is DuckDBException or InvalidOperationException or FormatException)
            {
                foreach (var delivery in deliveries)
                {
                    delivery.Stored.TrySetException(error);
                }
            }
        }
    }

    /// <summary>
    /// The deliveries to store, and those already stored (a remembered id, or one sent twice in this run); the
    /// latter are answered only after the run commits, since until then their first copy is not stored.
    /// </summary>
    private (List<Delivery> Fresh, List<Delivery> Repeated) Split(PulseConnection connection, List<Delivery> deliveries)
    {
        var now = clock.GetUtcNow();
        DeliveryLog.ForgetExpired(connection, now);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<Delivery>();
        var repeated = new List<Delivery>();
        foreach (var delivery in deliveries)
        {
            var first = ids.Add(delivery.Id) && !DeliveryLog.WasReceived(connection, DeliveryLog.PulseEvents, delivery.Id, now);
            (first ? fresh : repeated).Add(delivery);
        }

        foreach (var delivery in repeated)
        {
            LogAlreadyReceived(logger, delivery.Id);
        }

        return (fresh, repeated);
    }

    private void Store(PulseConnection connection, List<Delivery> deliveries)
    {
        var run = new IngestionBatch("webhook", "webhook", clock) { IgnoresOlderEvents = true };
        foreach (var delivery in deliveries)
        {
            run.AddFrom(delivery.Events);
        }

        var receivedAt = clock.GetUtcNow();
        run.RunAsync(connection, () => Task.FromResult<Action<PulseConnection>?>(transaction =>
        {
            foreach (var delivery in deliveries)
            {
                DeliveryLog.Remember(transaction, DeliveryLog.PulseEvents, delivery.Id, receivedAt, delivery.RememberUntil);
            }
        })).GetAwaiter().GetResult();

        var ignored = run.StoredByEntity.Values.Sum(r => r.Ignored);
        if (ignored > 0)
        {
            LogOlderEventsIgnored(logger, ignored);
        }

        foreach (var delivery in deliveries)
        {
            delivery.Stored.TrySetResult(new EventDeliveryOutcome(delivery.Events.RowCount, delivery.Events.Rejected.ToList(), AlreadyReceived: false));
        }
    }

    /// <summary>One delivery's id, mapped events and refusals, and its caller waiting for the commit.</summary>
    private sealed record Delivery(string Id, DateTimeOffset RememberUntil, IngestionBatch Events, TaskCompletionSource<EventDeliveryOutcome> Stored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event delivery {DeliveryId} was already received; not applied again")]
    private static partial void LogAlreadyReceived(ILogger logger, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored {Count} event(s) older than the stored state")]
    private static partial void LogOlderEventsIgnored(ILogger logger, long count);
}
