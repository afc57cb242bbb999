using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>
/// A DuckDB.NET connection with Pulse's rules: the file path is canonicalised so that every spelling of one file
/// shares one database instance, the session time zone is UTC, commands stream their results and honour
/// cancellation, and appenders write timestamps as UTC. Connections are not thread-safe: use one per thread.
/// </summary>
public sealed class PulseConnection : DuckDBConnection
{
    static PulseConnection() => DapperTypeHandlers.Register();

    /// <summary>Creates a closed connection.</summary>
    public PulseConnection()
    {
    }

    /// <summary>
    /// Creates a closed connection for a DuckDB.NET connection string (<c>Data Source=path</c>, or
    /// <c>:memory:</c> for a private in-memory database).
    /// </summary>
    public PulseConnection(string connectionString)
        : base(connectionString)
    {
    }

    /// <inheritdoc />
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => base.ConnectionString;
        set => base.ConnectionString = StorageConnectionString.Canonical(value ?? string.Empty);
    }

    /// <inheritdoc />
    public override void Open()
    {
        StorageConnectionString.CreateDirectoryOf(DataSource);
        base.Open();
        try
        {
            // DuckDB.NET hands TIMESTAMPTZ out as a DateTime of unspecified kind in the session time zone; the
            // type handlers read it as UTC, so the session must be UTC whatever the process time zone is.
            using var command = CreateCommand();
            command.CommandText = SqlQueries.Get("storage/session_utc");
            command.ExecuteNonQuery();
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <inheritdoc />
    public override Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Open();
        return Task.CompletedTask;
    }

    /// <summary>Creates a command on this connection that streams its results and honours cancellation.</summary>
    public override PulseCommand CreateCommand()
    {
        // The base command carries the connection's open transaction, which DuckDB.NET keeps internal.
        using var plain = base.CreateCommand();
        return new PulseCommand { Connection = this, Transaction = plain.Transaction };
    }

    /// <summary>Creates a checked appender for a table (a temporary one shadows one of the database).</summary>
    public new PulseAppender CreateAppender(string table) => new(this, null, null, table);

    /// <summary>Creates a checked appender for a table of a schema.</summary>
    public new PulseAppender CreateAppender(string? schema, string table) => new(this, null, schema, table);

    /// <summary>Creates a checked appender for a table of a catalog and schema (catalog <c>temp</c> for a temporary table).</summary>
    public new PulseAppender CreateAppender(string? catalog, string? schema, string table) => new(this, catalog, schema, table);

    internal DuckDBAppender CreatePlainAppender(string? catalog, string? schema, string table) => base.CreateAppender(catalog, schema, table);
}
