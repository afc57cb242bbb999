using System.Reflection;
using System.Security.Cryptography;
using Analytics.Core.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Analytics.Core.Storage.Backup;

/// <summary>
/// Backs a database up into a directory with DuckDB's <c>EXPORT DATABASE</c> (Parquet per table, plus the schema
/// with its macros) and a <see cref="BackupManifest"/>, and restores such a directory into a new database file.
/// Both need the file to themselves: DuckDB lets one process hold a database, so a running service is refused
/// rather than copied mid-write, and what is exported is one consistent state.
/// </summary>
public sealed partial class DatabaseBackup(MigrationRunner migrations, TimeProvider clock, ILogger<DatabaseBackup> logger)
{
    private const string SchemaMigrations = "schema_migrations";

    /// <summary>
    /// Exports <paramref name="database"/> into <paramref name="directory"/>, which must be new or empty. The export
    /// is written into a hidden sibling directory and moved into place with its manifest, so an interrupted backup
    /// never looks complete.
    /// </summary>
    public async Task<BackupManifest> CreateAsync(PulseDatabase database, string directory, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (File.Exists(target))
        {
            throw new BackupException($"{directory} is a file; back up into a new or empty directory.");
        }

        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{directory} is not empty; back up into a new or empty directory (an existing backup is never overwritten).");
        }

        if (!File.Exists(database.Path))
        {
            throw new BackupException($"The database {database.Path} does not exist; there is nothing to back up.");
        }

        BackupManifest manifest;
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            await using (var connection = OpenAlone(database, "Stop it and run the backup again: a backup reads the file alone, so that it is one consistent state."))
            {
                var (applied, tables) = await DescribeAsync(connection, database.Path, progress, cancellationToken);
                Directory.CreateDirectory(staging);
                progress?.Report(("exporting", 0));
                await connection.ExecuteAsync(new CommandDefinition(SqlStringLiteral.WithDirectory("storage/backup/export_database", staging), cancellationToken: cancellationToken));
                var files = await HashFilesAsync(staging, progress, cancellationToken);
                manifest = new BackupManifest(BackupManifest.CurrentFormat, PulseVersion, clock.GetUtcNow(), applied.Count == 0 ? 0 : applied.Max(m => m.Version), applied, tables, files);
            }

            await manifest.WriteAsync(staging, cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        LogBackedUp(database.Path, target, manifest.Tables.Count, manifest.TotalRows);
        return manifest;
    }

    private static string PulseVersion =>
        typeof(DatabaseBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Opens the database, turning "held by another process" into a message for this operation.</summary>
    private static PulseConnection OpenAlone(PulseDatabase database, string whatToDo)
    {
        try
        {
            return database.Open();
        }
        catch (DatabaseInUseException inUse)
        {
            throw new BackupException($"The database {database.Path} is in use by {inUse.HolderDescription} (is 'analytics serve' running?). {whatToDo}", inUse);
        }
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(PulseConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(SqlQueries.Get("storage/backup/base_tables"), cancellationToken: cancellationToken))).ToList();

    private static Task<long> CountAsync(PulseConnection connection, string table, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(SqlQueries.Get("storage/backup/table_row_count"), new { table }, cancellationToken: cancellationToken));

    private static async Task<(IReadOnlyList<BackupMigration> Applied, IReadOnlyList<BackupTable> Tables)> DescribeAsync(
        PulseConnection connection, string path, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var names = await TablesAsync(connection, cancellationToken);
        if (!names.Contains(SchemaMigrations, StringComparer.Ordinal))
        {
            throw new BackupException($"{path} is not a Pulse database (it has no {SchemaMigrations} table); there is nothing to back up.");
        }

        var applied = (await connection.QueryAsync<BackupMigration>(new CommandDefinition(SqlQueries.Get("storage/applied_migrations"), cancellationToken: cancellationToken))).ToList();
        var tables = new List<BackupTable>(names.Count);
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            progress?.Report(($"counting {name}", (double)index / names.Count));
            tables.Add(new BackupTable(name, await CountAsync(connection, name, cancellationToken)));
        }

        return (applied, tables);
    }

    private static async Task<IReadOnlyList<BackupFile>> HashFilesAsync(string directory, IProgress<(string Stage, double Fraction)>? progress, CancellationToken cancellationToken)
    {
        var paths = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var files = new List<BackupFile>(paths.Count);
        foreach (var (path, index) in paths.Select((p, i) => (p, i)))
        {
            var name = Path.GetRelativePath(directory, path).Replace('\\', '/');
            progress?.Report(($"checking {name}", (double)index / paths.Count));
            files.Add(new BackupFile(name, new FileInfo(path).Length, await Sha256Async(path, cancellationToken)));
        }

        return files;
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backed up {Database} to {Directory}: {Tables} tables, {Rows} rows")]
    private partial void LogBackedUp(string database, string directory, int tables, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {Directory} into {Database} ({Migrations} newer migrations applied); the previous file is {MovedAside}")]
    private partial void LogRestored(string directory, string database, int migrations, string movedAside);
}
