namespace Analytics.Core.Storage.Backup;

/// <summary>A migration applied to the database a backup was taken from.</summary>
/// <param name="Version">Its number.</param>
/// <param name="Name">Its file name without the extension.</param>
/// <param name="Checksum">SHA-256 of its SQL when it ran.</param>
public sealed record BackupMigration(int Version, string Name, string Checksum);
