using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// A connection to a DuckDB database. Connections to the same file share one database instance, so opening one
/// is cheap. A connection is not thread-safe: use one per thread.
/// </summary>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString;
    private DuckDbDatabase? _database;
    private ConnectionHandle? _handle;
    private bool _disposed;

    /// <summary>Creates a closed connection.</summary>
    public DuckDbConnection()
        : this(string.Empty)
    {
    }

    /// <summary>Creates a closed connection for a connection string (see <see cref="DuckDbConnectionStringBuilder"/>).</summary>
    public DuckDbConnection(string connectionString) => _connectionString = connectionString;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (State != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            _connectionString = value ?? string.Empty;
        }
    }

    /// <inheritdoc />
    public override string Database => "main";

    /// <inheritdoc />
    public override string DataSource => new DuckDbConnectionStringBuilder(_connectionString).DataSource;

    /// <inheritdoc />
    public override string ServerVersion => NativeMethods.ReadUtf8(NativeMethods.duckdb_library_version()) ?? string.Empty;

    /// <inheritdoc />
    public override ConnectionState State => _handle is null ? ConnectionState.Closed : ConnectionState.Open;

    internal DuckDbTransaction? CurrentTransaction { get; set; }

    internal DuckDbDataReader? OpenReader { get; set; }

    /// <inheritdoc />
    public override void Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_handle is not null)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = DuckDbDatabase.Acquire(new DuckDbConnectionStringBuilder(_connectionString));
        var handle = new ConnectionHandle();
        if (NativeMethods.duckdb_connect(database.Handle.DangerousGetHandle(), out var connection) != DuckDbState.Success)
        {
            database.Release();
            throw new DuckDbException($"DuckDB could not open a connection to '{DataSource}'.");
        }

        Marshal.InitHandle(handle, connection);
        _database = database;
        _handle = handle;
        try
        {
            // Every timestamp the provider hands out is UTC; the session time zone must agree.
            ExecuteInternal("SET TimeZone = 'UTC'");
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

    /// <inheritdoc />
    public override void Close()
    {
        OpenReader?.Close();
        if (CurrentTransaction is not null)
        {
            CurrentTransaction.Dispose();
        }

        _handle?.Dispose();
        _handle = null;
        _database?.Release();
        _database = null;
    }

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections work on one database; ATTACH another one instead.");

    /// <summary>
    /// Creates an appender that bulk-loads rows into a table; name the catalog <c>temp</c> (schema <c>main</c>) for
    /// a temporary table.
    /// </summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null, string? catalog = null)
    {
        ThrowIfNotOpen();
        return new DuckDbAppender(this, catalog, schema, table);
    }

    /// <summary>Creates a command with the given text on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Interrupts the statement running on this connection, if any.</summary>
    internal void Interrupt()
    {
        if (_handle is { IsClosed: false })
        {
            NativeMethods.duckdb_interrupt(_handle.DangerousGetHandle());
        }
    }

    internal IntPtr NativeHandle
    {
        get
        {
            ThrowIfNotOpen();
            return _handle!.DangerousGetHandle();
        }
    }

    internal void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_handle is null)
        {
            throw new InvalidOperationException("The connection is not open.");
        }
    }

    internal void ExecuteInternal(string sql)
    {
        using var command = new DuckDbCommand(sql, this);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        ThrowIfNotOpen();
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("DuckDB does not support nested transactions.");
        }

        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
        {
            throw new ArgumentException($"DuckDB runs every transaction with snapshot isolation, not {isolationLevel}.", nameof(isolationLevel));
        }

        ExecuteInternal("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this);
        return CurrentTransaction;
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            Close();
            _disposed = true;
        }

        base.Dispose(disposing);
    }
}
