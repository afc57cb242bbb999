using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Ingestion.Import;

/// <summary>Typed access to a record's fields; every failure is a <see cref="FormatException"/> that names the field.</summary>
public sealed partial class RecordFields(IReadOnlyDictionary<string, string?> fields)
{

    /// <summary>A field that must be present and not empty.</summary>
    public string Required(string name) =>
        Optional(name) ?? throw new FormatException($"field '{name}' is missing or empty.");

    /// <summary>A field that may be absent or empty (then null).</summary>
    public string? Optional(string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>One of the allowed values (compared case-insensitively, stored lower-case).</summary>
    public string OneOf(string name, IReadOnlyCollection<string> allowed, string? fallback = null)
    {
        var value = Optional(name)?.ToLowerInvariant() ?? fallback ?? throw new FormatException($"field '{name}' is missing or empty.");
        return allowed.Contains(value)
            ? value
            : throw new FormatException($"field '{name}' is '{value}', not one of {string.Join(", ", allowed)}.");
    }

    /// <summary>An instant with an explicit zone (Z or ±hh:mm); a time without one is refused, not guessed.</summary>
    public DateTimeOffset? Instant(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        if (IsoTimestamp.TryParse(text, out var iso))
        {
            return iso;
        }

        if (!ZoneSuffix().IsMatch(text))
        {
            throw new FormatException($"field '{name}' is '{text}', a time without a zone; write it in ISO 8601 with Z or an offset.");
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value.ToUniversalTime()
            : throw new FormatException($"field '{name}' is '{text}', not an ISO 8601 time.");
    }

    /// <summary>A required instant.</summary>
    public DateTimeOffset RequiredInstant(string name) => Instant(name) ?? throw new FormatException($"field '{name}' is missing or empty.");

    /// <summary>An optional instant that may not be earlier than <paramref name="earliest"/>, the field <paramref name="earliestName"/>.</summary>
    public DateTimeOffset? InstantNotBefore(string name, DateTimeOffset earliest, string earliestName) =>
        Instant(name) is { } value && value < earliest
            ? throw new FormatException($"field '{name}' is '{Optional(name)}', before '{earliestName}' ('{Optional(earliestName)}').")
            : Instant(name);

    /// <summary>A calendar day, YYYY-MM-DD.</summary>
    public DateOnly? Day(string name)
    {
        var text = Optional(name);
        return text is null ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw new FormatException($"field '{name}' is '{text}', not a date (YYYY-MM-DD).");
    }

    /// <summary>true/false (also 1/0, yes/no); absent is <paramref name="fallback"/>.</summary>
    public bool Flag(string name, bool fallback = false) => Optional(name)?.ToLowerInvariant() switch
    {
        null => fallback,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        var other => throw new FormatException($"field '{name}' is '{other}', not true or false."),
    };

    /// <summary>A whole number of at least zero, or null when absent.</summary>
    public long? Count(string name) =>
        Optional(name) is not { } text ? null
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
            : throw new FormatException($"field '{name}' is '{text}', not a whole number of zero or more.");

    /// <summary>A list: a JSON array, or values separated by ';' in CSV.</summary>
    public IReadOnlyList<string?> List(string name) =>
        Optional(name)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (string?)v).ToList() ?? [];

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneSuffix();
}
