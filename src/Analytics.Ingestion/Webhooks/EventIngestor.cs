using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Microsoft.Extensions.Hosting;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// Stores pushed events: one JSON object, or NDJSON with one per line, each <c>{"type": "deployment" | "change"
/// | "incident" | "work_item", "data": {…fields as for import…}}</c>. Bad events become dead letters and the rest
/// are stored. One writer stores them: deliveries that arrive while it writes queue up and are stored together as
/// one ingestion run in one transaction, and each caller is answered only after that commit. So concurrent
/// deliveries never conflict, and many small ones cost one commit instead of many.
/// </summary>
public sealed class EventIngestor(PulseDatabase database, TimeProvider clock) : BackgroundService
{
    private static readonly Dictionary<string, string> EntityOfType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = "deployments",
        ["change"] = "changes",
        ["incident"] = "incidents",
        ["work_item"] = "work_items",
    };

    /// <summary>Most deliveries stored in one run.</summary>
    private const int MaxDeliveriesPerRun = 256;

    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Parses and stores a body; returns how many events were stored and which were refused, once committed.</summary>
    public Task<(long Stored, IReadOnlyList<RejectedRecord> Rejected)> IngestAsync(byte[] body, CancellationToken cancellationToken)
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

        var delivery = new Delivery(batch, new TaskCompletionSource<(long, IReadOnlyList<RejectedRecord>)>(TaskCreationOptions.RunContinuationsAsynchronously));
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

            var run = new IngestionBatch("webhook", "webhook", clock);
            foreach (var delivery in deliveries)
            {
                run.AddFrom(delivery.Events);
            }

            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                run.Run(connection);
                foreach (var delivery in deliveries)
                {
                    delivery.Stored.TrySetResult((delivery.Events.RowCount, delivery.Events.Rejected.ToList()));
                }
            }
            catch (Exception error) when (error is Analytics.DuckDb.DuckDbException or InvalidOperationException or FormatException)
            {
                foreach (var delivery in deliveries)
                {
                    delivery.Stored.TrySetException(error);
                }
            }
        }
    }

    /// <summary>One delivery's mapped events and refusals, and its caller waiting for the commit.</summary>
    private sealed record Delivery(IngestionBatch Events, TaskCompletionSource<(long, IReadOnlyList<RejectedRecord>)> Stored);

    private static void AddEvent(IngestionBatch batch, string json, string location)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type is null || !EntityOfType.TryGetValue(type, out var entityName))
            {
                batch.Reject("unknown", new RejectedRecord(location, json, $"'type' must be one of {string.Join(", ", EntityOfType.Keys)}."));
                return;
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                batch.Reject(entityName, new RejectedRecord(location, json, "'data' must be an object with the event's fields."));
                return;
            }

            var fields = data.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Array => string.Join(';', p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                _ => p.Value.GetRawText(),
            });
            batch.Add(ImportableEntities.All[entityName], new SourceRecord(location, json, fields));
        }
        catch (JsonException error)
        {
            batch.Reject("unknown", new RejectedRecord(location, json, $"malformed JSON ({error.Message})"));
        }
    }
}
