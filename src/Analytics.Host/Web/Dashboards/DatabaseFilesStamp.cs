namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The size and last write time of the database file and its write-ahead log. DuckDB writes every commit to the log
/// (and a checkpoint to the file), and only this process can have the file open for writing, so while the stamp stays
/// the same no data changed: the dashboards then skip reading the data version.
/// </summary>
internal readonly record struct DatabaseFilesStamp(long Length, DateTime WrittenAt, long LogLength, DateTime LogWrittenAt)
{
    /// <summary>The stamp of a database file, or null for an in-memory database or a file not there.</summary>
    public static DatabaseFilesStamp? Of(string path)
    {
        if (path.StartsWith(":memory:", StringComparison.Ordinal))
        {
            return null;
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var log = new FileInfo(path + ".wal");
        return log.Exists
            ? new DatabaseFilesStamp(file.Length, file.LastWriteTimeUtc, log.Length, log.LastWriteTimeUtc)
            : new DatabaseFilesStamp(file.Length, file.LastWriteTimeUtc, -1, DateTime.MinValue);
    }
}
