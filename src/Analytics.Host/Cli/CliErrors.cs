using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using DuckDB.NET.Data;

namespace Analytics.Host.Cli;

/// <summary>Turns failures into the one line a person at the terminal needs.</summary>
internal static partial class CliErrors
{
    /// <summary>The one-line message for an error; one Pulse does not expect is named by its type.</summary>
    public static string Describe(Exception error) => error switch
    {
        CliException cli => cli.Message,
        DatabaseInUseException inUse => inUse.Message,
        Core.Storage.Backup.BackupException backup => FirstLine(backup.Message),
        Analytics.Ingestion.Connectors.SourceRequestException source => source.Message,
        Analytics.Ingestion.Connectors.SourceUnavailableException unavailable => FirstLine(unavailable.Message),
        Analytics.Ingestion.Scheduling.JobConfigurationException jobs => jobs.Message,
        MigrationFailedException migration => migration.Message,
        Analytics.Reports.ReportException report => FirstLine(report.Message),
        DuckDBException duckDb when duckDb.Message.Contains("not a valid DuckDB database file", StringComparison.Ordinal) =>
            $"The database file is not a DuckDB database: {FirstLine(duckDb.Message)} Point --db at another file.",
        DuckDBException duckDb => $"Database error: {FirstLine(duckDb.Message)}",
        ArgumentException argument => FirstLine(argument.Message),
        FormatException format => FirstLine(format.Message),
        IOException or UnauthorizedAccessException => FirstLine(error.Message),
        _ => $"Unexpected error ({error.GetType().Name}): {FirstLine(error.Message)}",
    };

    /// <summary>
    /// The parser's message in words: "Cannot parse argument 'x' for option '--until' as expected type
    /// 'System.Nullable`1[System.DateOnly]'" becomes "--until 'x' is not a date (YYYY-MM-DD)".
    /// </summary>
    public static string DescribeParseError(string message)
    {
        var match = UnparsedValue().Match(message);
        if (!match.Success)
        {
            return FirstLine(message);
        }

        var (value, option, type) = (match.Groups["value"].Value, match.Groups["option"].Value, match.Groups["type"].Value);
        var expected = type switch
        {
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date (YYYY-MM-DD, for example 2026-10-01)",
            _ when type.Contains("Int", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ => "a valid value",
        };
        return $"{option} '{value}' is not {expected}.";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial System.Text.RegularExpressions.Regex UnparsedValue();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
