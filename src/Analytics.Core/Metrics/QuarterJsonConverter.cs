using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Core.Metrics;

/// <summary>Writes and reads a <see cref="Quarter"/> as its text, <c>"2026-Q3"</c>.</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    /// <inheritdoc />
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.Parse(reader.GetString() ?? throw new JsonException("A quarter must be a string such as \"2026-Q3\"."));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
