using System.Globalization;

namespace Analytics.Surveys.Administration;

/// <summary>RFC 4180 fields, with respondents' text defused against spreadsheet formula injection.</summary>
internal static class CsvText
{
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    /// <summary>Free text typed by someone else: a leading =, +, - or @ would run as a formula in a spreadsheet.</summary>
    public static string? Untrusted(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
