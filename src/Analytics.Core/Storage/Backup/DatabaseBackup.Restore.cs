using System.Globalization;
using Analytics.Core.Storage.Migrations;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Storage.Backup;

public sealed partial class DatabaseBackup
{
    /// <summary>
    /// Restores the backup in <paramref name="directory"/> into <paramref name="database"/>'s file. The backup is
    /// checked against its manifest, imported into a new file beside the target, counted, brought up to this build's
    /// schema and only then moved into place, so any failure leaves the target as it was. An existing database is
    /// replaced only when <paramref name="replace"/> is set, and then moved aside, never deleted.
    /// </summary>
    public async Task<RestoreOutcome> RestoreAsync(string directory, PulseDatabase database, bool replace, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var manifest = await BackupManifest.ReadAsync(directory, cancellationToken);
        CheckVersion(manifest);

        var target = Path.GetFullPath(database.Path);
        // A write-ahead log without its file would be replayed onto the restored one, so it counts as a database too.
        var exists = (File.Exists(target) && new FileInfo(target).Length > 0) || File.Exists($"{target}.wal");
        if (exists && !replace)
        {
            throw new BackupException($"{database.Path} already exists; restore into a new file with --db, or add --replace to move it aside to {Path.GetFileName(target)}.before-restore-<time> first.");
        }

        if (exists)
        {
            // Fails while a service holds the file; closing checkpoints it, so no write-ahead log is left behind.
            await using var held = OpenAlone(database, "Stop it before restoring into it, or restore into another file with --db.");
        }

        await CheckFilesAsync(directory, manifest, progress, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.restoring-{Guid.NewGuid():N}");
        try
        {
            var ran = await ImportAsync(directory, staging, manifest, progress, cancellationToken);
            var movedAside = exists ? MoveAside(target) : null;
            try
            {
                File.Move(staging, target, overwrite: true);
            }
            catch when (movedAside is not null && File.Exists(movedAside))
            {
                File.Move(movedAside, target);
                throw;
            }

            LogRestored(directory, target, ran, movedAside ?? "none");
            return new RestoreOutcome(manifest, ran, movedAside);
        }
        finally
        {
            File.Delete(staging);
            File.Delete($"{staging}.wal");
        }
    }

    private static void CheckVersion(BackupManifest manifest)
    {
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"The backup has format {manifest.Format} (written by Pulse {manifest.PulseVersion}); this build reads format {BackupManifest.CurrentFormat}. Restore it with that version of Pulse.");
        }

        var latest = Migration.Embedded().Max(m => m.Version);
        if (manifest.SchemaVersion > latest)
        {
            throw new BackupException($"The backup is from a newer schema (version {manifest.SchemaVersion}, written by Pulse {manifest.PulseVersion}); this build knows versions up to {latest}. Restore it with that version of Pulse or a newer one.");
        }
    }

    private static async Task CheckFilesAsync(string directory, BackupManifest manifest, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        foreach (var required in new[] { "schema.sql", "load.sql" })
        {
            if (!manifest.Files.Any(f => f.Name == required))
            {
                throw new BackupException($"The manifest of {directory} does not list {required}; it is not a backup this build can restore.");
            }
        }

        foreach (var (file, index) in manifest.Files.Select((f, i) => (f, i)))
        {
            progress?.Report(($"checking {file.Name}", (double)index / manifest.Files.Count));
            var path = Path.GetFullPath(Path.Combine(directory, file.Name));
            if (!path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new BackupException($"The manifest of {directory} names the file {file.Name}, outside the backup; it cannot be restored.");
            }

            if (!File.Exists(path))
            {
                throw new BackupException($"The backup file {file.Name} is missing from {directory}; the backup is incomplete and cannot be restored.");
            }

            if (new FileInfo(path).Length != file.Bytes || await Sha256Async(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"The backup file {file.Name} in {directory} does not match its manifest (damaged or changed); the backup cannot be restored.");
            }
        }
    }

    private async Task<int> ImportAsync(string directory, string staging, BackupManifest manifest, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var restored = new PulseDatabase(Options.Create(new DatabaseOptions { Path = staging }));
        await using var connection = restored.Open();
        progress?.Report(("importing", 0));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlStringLiteral.WithDirectory("storage/backup/import_database", Path.GetFullPath(directory)), cancellationToken: cancellationToken));
        }
        catch (DuckDBException error)
        {
            throw new BackupException($"Importing {directory} failed, so nothing was restored: {error.Message.Split('\n', 2)[0].Trim()}", error);
        }

        var tables = await TablesAsync(connection, cancellationToken);
        var expected = manifest.Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        if (!tables.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new BackupException($"The restored tables ({string.Join(", ", tables)}) are not the ones the manifest lists ({string.Join(", ", expected)}); nothing was restored.");
        }

        foreach (var (table, index) in manifest.Tables.Select((t, i) => (t, i)))
        {
            progress?.Report(($"verifying {table.Name}", (double)index / manifest.Tables.Count));
            var rows = await CountAsync(connection, table.Name, cancellationToken);
            if (rows != table.Rows)
            {
                throw new BackupException(string.Create(CultureInfo.InvariantCulture,
                    $"The restored table {table.Name} has {rows} rows where the manifest says {table.Rows}; nothing was restored."));
            }
        }

        progress?.Report(("migrating", 1));
        var ran = await migrations.ApplyAsync(connection, Migration.Embedded(), cancellationToken);

        // IMPORT created macros, and DuckDB cannot replay a write-ahead log holding CREATE MACRO: the file is complete first.
        await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("storage/checkpoint"), cancellationToken: cancellationToken));
        return ran;
    }

    private string MoveAside(string target)
    {
        var aside = $"{target}.before-restore-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        if (File.Exists(target))
        {
            File.Move(target, aside);
        }

        if (File.Exists($"{target}.wal"))
        {
            File.Move($"{target}.wal", $"{aside}.wal");
        }

        return aside;
    }
}
