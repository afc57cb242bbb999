using System.Globalization;

namespace Analytics.Core.Csv;

/// <summary>
/// One field of a CSV export, quoted per RFC 4180. Exports open in spreadsheets, and text there that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return runs as a formula; so every text cell is
/// defused with a leading apostrophe (OWASP's advice), whoever typed it: respondents, admins or a source system.
/// Numbers, days and instants the code formats itself are never defused, so <c>-3.5</c> stays a number.
/// </summary>
public readonly record struct CsvCell
{
    private readonly string? _field;

    private CsvCell(string field) => _field = field;

    /// <summary>An empty field.</summary>
    public static CsvCell Empty => default;

    /// <summary>The field as it appears in the line: quoted when needed, empty for <see cref="Empty"/>.</summary>
    public string Field => _field ?? "";

    /// <summary>Text, defused against formula injection and quoted; null is an empty field.</summary>
    public static CsvCell Text(string? value) => value is null ? Empty : new(Quote(Defuse(value)));

    /// <summary>A computed number, invariant culture, up to four decimals.</summary>
    public static CsvCell Number(double value) => new(value.ToString("0.####", CultureInfo.InvariantCulture));

    /// <summary>A computed whole number.</summary>
    public static CsvCell Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A day as <c>yyyy-MM-dd</c>.</summary>
    public static CsvCell Day(DateOnly value) => new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>An instant in UTC as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static CsvCell Timestamp(DateTimeOffset value) => new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    /// <summary>The cells joined into one line, without its line break.</summary>
    public static string Line(IEnumerable<CsvCell> cells) => string.Join(',', cells.Select(c => c.Field));

    /// <summary>A line of text cells, as for a header.</summary>
    public static string Line(IEnumerable<string?> texts) => Line(texts.Select(Text));

    private static string Defuse(string value) => value is [ '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + value : value;

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
