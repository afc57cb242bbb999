using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// A command: one or more SQL statements with <c>$name</c> or positional parameters. Statements run in order;
/// each is prepared just before it runs.
/// </summary>
public sealed unsafe class DuckDbCommand : DbCommand
{
    private DuckDbConnection? _connection;
    private string _commandText = string.Empty;
    private bool _disposed;

    /// <summary>Creates a command without text or connection.</summary>
    public DuckDbCommand()
    {
    }

    /// <summary>Creates a command with text on a connection.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection connection)
    {
        _commandText = commandText;
        _connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? string.Empty;
    }

    /// <summary>Not enforced by DuckDB; cancel through a <see cref="CancellationToken"/> or <see cref="Cancel"/>.</summary>
    public override int CommandTimeout { get; set; }

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB commands are SQL text.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>The command's parameters.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <summary>The connection the command runs on.</summary>
    public new DuckDbConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = value as DuckDbConnection
            ?? (value is null ? null : throw new InvalidCastException($"Expected a {nameof(DuckDbConnection)}."));
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>Interrupts the statement running on the command's connection.</summary>
    public override void Cancel() => _connection?.Interrupt();

    /// <inheritdoc />
    public override int ExecuteNonQuery()
    {
        var connection = ReadyConnection();
        using var statements = ExtractedStatements.Extract(connection.NativeHandle, _commandText);
        long changed = 0;
        for (var i = 0; i < statements.Count; i++)
        {
            using var statement = statements.Prepare(i);
            ParameterBinder.Bind(statement, Parameters);
            using var result = new ResultHandle();
            if (NativeMethods.duckdb_execute_prepared(statement.DangerousGetHandle(), result.Pointer) != DuckDbState.Success)
            {
                throw new DuckDbException(NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? "The statement failed.");
            }

            changed += (long)NativeMethods.duckdb_rows_changed(result.Pointer);
        }

        return (int)Math.Min(changed, int.MaxValue);
    }

    /// <inheritdoc />
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <inheritdoc />
    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(ExecuteNonQuery, cancellationToken));

    /// <inheritdoc />
    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(ExecuteScalar, cancellationToken));

    /// <inheritdoc />
    public override void Prepare()
    {
        // Statements are prepared when they run; DuckDB needs earlier statements executed before later ones bind.
    }

    /// <summary>Executes the command and returns a reader over its results.</summary>
    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var connection = ReadyConnection();
        var statements = ExtractedStatements.Extract(connection.NativeHandle, _commandText);
        try
        {
            var reader = new DuckDbDataReader(this, statements, behavior.HasFlag(CommandBehavior.CloseConnection));
            connection.OpenReader = reader;
            return reader;
        }
        catch
        {
            statements.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        Task.FromResult(WithCancellation(() => ExecuteDbDataReader(behavior), cancellationToken));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private T WithCancellation<T>(Func<T> execute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var registration = cancellationToken.Register(Cancel);
        try
        {
            return execute();
        }
        catch (DuckDbException error) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The statement was cancelled.", error, cancellationToken);
        }
    }

    private DuckDbConnection ReadyConnection()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        connection.ThrowIfNotOpen();
        if (connection.OpenReader is { IsClosed: false })
        {
            throw new InvalidOperationException("The connection already has an open data reader; close it first.");
        }

        return connection;
    }
}
