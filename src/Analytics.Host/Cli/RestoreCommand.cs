using System.CommandLine;
using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Backup;

namespace Analytics.Host.Cli;

/// <summary><c>analytics restore &lt;dir&gt;</c>: restores a backup into a new database file (or, with --replace, moves the old one aside).</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A directory written by 'analytics backup'." };
        var replace = new Option<bool>("--replace") { Description = "Restore over an existing database, first moving it aside to <file>.before-restore-<time>." };
        var command = new Command("restore", "Restore a backup into the --db file, which must be new unless --replace; it is checked before it replaces anything.") { directory, replace };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse, mayCreateDatabase: true);
            var database = host.Services.GetRequiredService<PulseDatabase>();
            var source = parse.GetValue(directory)!;
            var outcome = await ProgressDisplay.RunAsync("Restoring", progress =>
                host.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(source, database, parse.GetValue(replace), progress, cancellationToken));
            var migrated = outcome.MigrationsApplied == 0 ? string.Empty : $", then applied {Counted.Of(outcome.MigrationsApplied, "newer migration")}";
            var aside = outcome.MovedAside is null ? string.Empty : $" The previous file is now {outcome.MovedAside}.";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{database.Path}: restored {Counted.Of(outcome.Manifest.Tables.Count, "table")}, {Counted.Of(outcome.Manifest.TotalRows, "row")} from {source} (taken {outcome.Manifest.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC{migrated}).{aside}"));
            return 0;
        });
        return command;
    }
}
