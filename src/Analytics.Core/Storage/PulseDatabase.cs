using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Analytics.Core.Storage;

/// <summary>
/// Opens connections to the embedded database. All connections of the process share one DuckDB instance, so
/// opening one is cheap; open one per unit of work and dispose it.
/// </summary>
public sealed class PulseDatabase
{
    private readonly string _connectionString;

    /// <summary>Creates the factory for the configured database file.</summary>
    public PulseDatabase(IOptions<DatabaseOptions> options)
    {
        var settings = options.Value;
        Path = settings.Path;
        var builder = new DuckDBConnectionStringBuilder { DataSource = settings.Path };
        if (settings.Threads > 0)
        {
            builder["threads"] = settings.Threads;
        }

        _connectionString = builder.ConnectionString;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens a connection; throws <see cref="DatabaseInUseException"/> when another process holds the file.</summary>
    public PulseConnection Open()
    {
        var connection = new PulseConnection(_connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException error) when (error.IsFileLocked())
        {
            connection.Dispose();
            throw new DatabaseInUseException(Path, error);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection, honouring cancellation before the open.</summary>
    public Task<PulseConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Open());
    }
}
