using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>The data source rules of <see cref="PulseConnection"/>.</summary>
internal static class StorageConnectionString
{
    private const string Memory = DuckDBConnectionStringBuilder.InMemoryDataSource;

    /// <summary>
    /// The connection string with its file made absolute: DuckDB.NET shares one database instance per spelling of
    /// the data source, and two instances of one file would refuse each other's lock or corrupt it.
    /// </summary>
    public static string Canonical(string connectionString)
    {
        if (connectionString.Length == 0)
        {
            return connectionString;
        }

        var builder = new DuckDBConnectionStringBuilder { ConnectionString = connectionString };
        var dataSource = builder.DataSource;
        if (dataSource.Length == 0
            || string.Equals(dataSource, Memory, StringComparison.OrdinalIgnoreCase)
            || string.Equals(dataSource, DuckDBConnectionStringBuilder.InMemorySharedDataSource, StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }

        if (dataSource.StartsWith(Memory, StringComparison.OrdinalIgnoreCase))
        {
            // DuckDB.NET passes ':memory:name' to DuckDB as a file name and creates that file in the working folder.
            throw new ArgumentException(
                $"The data source '{dataSource}' is not supported: use ':memory:' for a private in-memory database or a file path.",
                nameof(connectionString));
        }

        builder.DataSource = Path.GetFullPath(dataSource);
        return builder.ConnectionString;
    }

    /// <summary>Creates the folder of a database file, so that a fresh path opens as a new database.</summary>
    public static void CreateDirectoryOf(string dataSource)
    {
        if (dataSource.Length == 0 || dataSource.StartsWith(Memory, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
