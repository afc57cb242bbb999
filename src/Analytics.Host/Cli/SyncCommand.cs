using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors;

namespace Analytics.Host.Cli;

/// <summary><c>analytics sync &lt;source&gt;</c>: pulls a source's changes since its last sync, now.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "The source to sync: " + string.Join("; ", SourceCatalog.All.Select(s => $"{s.Name} ({s.Pulls})")) + ".",
        };
        source.AcceptOnlyFromAmong([.. SourceCatalog.Names]);
        var command = new Command("sync", "Pull a source's changes since its last sync, now.") { source };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            await using var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken);
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(connection, cancellationToken);
            await Ingestion.Import.InterruptedRuns.CloseAsync(connection, host.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            var name = parse.GetValue(source)!;
            Console.Error.WriteLine($"Syncing {name}…");
            var connector = host.Services.GetServices<ISourceConnector>().Single(c => c.Name == name);
            var result = await connector.SyncAsync(connection, "manual", cancellationToken);
            Console.WriteLine($"{name}: {result.Inserted:N0} inserted, {result.Updated:N0} updated, {result.Rejected.Count:N0} rejected.");
            return 0;
        });
        return command;
    }
}
