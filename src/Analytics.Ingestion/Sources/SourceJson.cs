using System.Text.Json;

namespace Analytics.Ingestion.Sources;

/// <summary>
/// JSON settings for source payloads: a field the record declares non-nullable or required must be present and
/// not null, so a page missing expected fields fails loudly instead of storing half a record.
/// </summary>
public static class SourceJson
{
    /// <summary>The shared options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Reads a payload, turning malformed JSON or a missing field into a <see cref="FormatException"/>.</summary>
    public static T Read<T>(Stream json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"The {what} is empty (null).");
        }
        catch (JsonException error)
        {
            throw new FormatException($"The {what} is not what the source documents: {error.Message}", error);
        }
    }
}
