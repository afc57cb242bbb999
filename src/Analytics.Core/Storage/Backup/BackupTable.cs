namespace Analytics.Core.Storage.Backup;

/// <summary>A table in a backup.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Rows">Its row count when the backup was taken.</param>
public sealed record BackupTable(string Name, long Rows);
