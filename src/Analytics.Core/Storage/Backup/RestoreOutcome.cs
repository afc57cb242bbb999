namespace Analytics.Core.Storage.Backup;

/// <summary>What a restore did.</summary>
/// <param name="Manifest">The manifest of the backup that was restored.</param>
/// <param name="MigrationsApplied">Migrations newer than the backup that ran on the restored database.</param>
/// <param name="MovedAside">Where the database file that was there before now is; null when there was none.</param>
public sealed record RestoreOutcome(BackupManifest Manifest, int MigrationsApplied, string? MovedAside);
