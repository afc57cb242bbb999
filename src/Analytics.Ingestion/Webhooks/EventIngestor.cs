using System.Text;
using System.Text.Json;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// Stores pushed events: one JSON object, or NDJSON with one per line, each <c>{"type": "deployment" | "change"
/// | "incident" | "work_item", "data": {…fields as for import…}}</c>. Bad events become dead letters and the rest
/// are stored; a whole batch commits in one transaction before the caller acknowledges it. Writes go through one
/// writer at a time, so concurrent deliveries never conflict.
/// </summary>
public sealed class EventIngestor(PulseDatabase database) : IDisposable
{
    private static readonly Dictionary<string, string> EntityOfType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = "deployments",
        ["change"] = "changes",
        ["incident"] = "incidents",
        ["work_item"] = "work_items",
    };

    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Parses and stores a body; returns how many events were stored and which were refused.</summary>
    public async Task<(long Stored, IReadOnlyList<RejectedRecord> Rejected)> IngestAsync(byte[] body, CancellationToken cancellationToken)
    {
        var batch = new IngestionBatch("webhook", "webhook");
        var line = 0;
        foreach (var text in Encoding.UTF8.GetString(body).Split('\n'))
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                AddEvent(batch, text.Trim(), $"event {line}");
            }
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var run = batch.Run(connection);
            return (run.Inserted + run.Updated, run.Rejected);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

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
