using System.Text.Json;
using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Webhooks;

/// <summary>Reading one event of a delivery into the batch.</summary>
public sealed partial class EventIngestor
{
    private static readonly Dictionary<string, string> EntityOfType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = "deployments",
        ["change"] = "changes",
        ["incident"] = "incidents",
        ["work_item"] = "work_items",
    };

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
