using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Core.Storage.Backup;

/// <summary>
/// <c>pulse-backup.json</c>, written last into a backup directory: what the backup holds and how to check it.
/// </summary>
/// <param name="Format">The layout of the backup directory; a restore refuses a format it does not know.</param>
/// <param name="PulseVersion">The Pulse build that wrote the backup.</param>
/// <param name="CreatedAt">When the backup was taken (UTC).</param>
/// <param name="SchemaVersion">The highest migration applied to the database that was backed up.</param>
/// <param name="Migrations">Every migration applied to it.</param>
/// <param name="Tables">Every table with its row count.</param>
/// <param name="Files">Every file DuckDB wrote, with its size in bytes and SHA-256.</param>
public sealed record BackupManifest(
    int Format,
    string PulseVersion,
    DateTimeOffset CreatedAt,
    int SchemaVersion,
    IReadOnlyList<BackupMigration> Migrations,
    IReadOnlyList<BackupTable> Tables,
    IReadOnlyList<BackupFile> Files)
{
    /// <summary>The manifest's file name inside a backup directory.</summary>
    public const string FileName = "pulse-backup.json";

    /// <summary>The format this build writes and reads.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The total rows over every table.</summary>
    [JsonIgnore]
    public long TotalRows => Tables.Sum(t => t.Rows);

    /// <summary>Writes the manifest into <paramref name="directory"/>.</summary>
    public Task WriteAsync(string directory, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json), cancellationToken);

    /// <summary>Reads the manifest of a backup directory; a missing directory or manifest is a <see cref="BackupException"/>.</summary>
    public static async Task<BackupManifest> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            throw new BackupException($"The backup directory {directory} does not exist.");
        }

        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new BackupException($"{directory} is not a Pulse backup: it has no {FileName}. Point restore at a directory written by 'analytics backup'.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, cancellationToken), Json);
        }
        catch (JsonException error)
        {
            throw new BackupException($"{path} is not a valid backup manifest: {error.Message}", error);
        }

        if (manifest is null || manifest.PulseVersion is null || manifest.Migrations is null || manifest.Tables is null || manifest.Files is null)
        {
            throw new BackupException($"{path} is not a valid backup manifest: it lacks pulseVersion, migrations, tables or files.");
        }

        return manifest;
    }
}
