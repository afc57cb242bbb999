using System.CommandLine;
using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Backup;

namespace Analytics.Host.Cli;

/// <summary><c>analytics backup &lt;dir&gt;</c>: exports the database into a new directory with a manifest.</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A new or empty directory for the backup (Parquet per table, the schema, pulse-backup.json)." };
        var command = new Command("backup", "Back the database up into a directory; the service must be stopped, since DuckDB lets one process hold the file.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            var database = host.Services.GetRequiredService<PulseDatabase>();
            var target = parse.GetValue(directory)!;
            var manifest = await ProgressDisplay.RunAsync("Backing up", progress =>
                host.Services.GetRequiredService<DatabaseBackup>().CreateAsync(database, target, progress, cancellationToken));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{database.Path}: backed up {Counted.Of(manifest.Tables.Count, "table")}, {Counted.Of(manifest.TotalRows, "row")} (schema version {manifest.SchemaVersion}) to {target}."));
            return 0;
        });
        return command;
    }
}
