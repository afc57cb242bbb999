namespace Analytics.Core.Storage.Backup;

/// <summary>A file of a backup directory, recorded so that a missing or damaged file is found before restoring.</summary>
/// <param name="Name">The file name inside the backup directory.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Sha256">SHA-256 of its content, lower-case hex.</param>
public sealed record BackupFile(string Name, long Bytes, string Sha256);
