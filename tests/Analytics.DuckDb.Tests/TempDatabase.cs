namespace Analytics.DuckDb.Tests;

/// <summary>A database file in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-duckdb-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "test.duckdb");

    public string ConnectionString => $"Data Source={Path}";

    public DuckDbConnection Open()
    {
        var connection = new DuckDbConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
