using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using DuckDB.NET.Data;

namespace Analytics.Host.Cli;

/// <summary>Turns failures into the one line a person at the terminal needs.</summary>
internal static class CliErrors
{
    /// <summary>The one-line message for an error; one Pulse does not expect is named by its type.</summary>
    public static string Describe(Exception error) => error switch
    {
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
        OperationCanceledException => "Cancelled.",
        _ => $"Unexpected error ({error.GetType().Name}): {FirstLine(error.Message)}",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
