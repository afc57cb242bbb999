using System.CommandLine;
using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Dapper;

namespace Analytics.Host.Cli;

/// <summary><c>analytics runs</c>: the most recent ingestion runs.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { Description = "How many runs to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("runs", "Show recent ingestion runs: source, outcome and rows inserted, updated and rejected.") { limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new CliException($"--limit must be at least 1, not {count}.");
            }

            using var host = CliHost.Create(parse);
            await using var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken);
            await host.Services.GetRequiredService<Core.Storage.Migrations.MigrationRunner>().ApplyAsync(connection, cancellationToken);
            await InterruptedRuns.CloseAsync(connection, host.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            var runs = (await connection.QueryAsync<IngestionRun>(new CommandDefinition(
                SqlQueries.Get("ingestion/recent_runs"), new { limit = count }, cancellationToken: cancellationToken))).ToList();
            if (runs.Count == 0)
            {
                Console.WriteLine("No ingestion has run yet.");
                return 0;
            }

            var table = new TextTable().AddColumns("Started (UTC)", "Source", "Trigger", "Status")
                .AddColumn("Inserted", rightAligned: true).AddColumn("Updated", rightAligned: true).AddColumn("Rejected", rightAligned: true).AddColumn("Error");
            foreach (var run in runs)
            {
                table.AddRow(run.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), run.Source, run.Trigger, run.Status,
                    run.RowsInserted.ToString("N0", CultureInfo.InvariantCulture), run.RowsUpdated.ToString("N0", CultureInfo.InvariantCulture),
                    run.RowsRejected.ToString("N0", CultureInfo.InvariantCulture), OneLine(run.Error));
            }

            table.WriteToConsole();
            return 0;
        });
        return command;
    }

    // The table cuts what does not fit; a line break in an error would break the row.
    private static string OneLine(string? error) => error is null ? string.Empty : string.Concat(error.Select(c => char.IsControl(c) ? ' ' : c));
}
