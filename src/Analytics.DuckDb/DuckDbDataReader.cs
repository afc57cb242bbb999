using System.Collections;
using System.Data.Common;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// Streams the results of a command chunk by chunk through DuckDB's data-chunk API. Each statement of the
/// command text is one result set (<see cref="NextResult"/>).
/// </summary>
public sealed unsafe partial class DuckDbDataReader : DbDataReader
{
    private readonly DuckDbCommand _command;
    private readonly ExtractedStatements _statements;
    private readonly bool _closeConnection;
    private int _statementIndex = -1;
    private ResultHandle? _result;
    private ColumnType[] _types = [];
    private string[] _names = [];
    private DataChunkHandle? _chunk;
    private VectorReader[] _vectors = [];

    // The current chunk's raw vectors, kept apart from _vectors so that typed getters read a value with a few
    // loads and no struct copies: reading a 10M-row result is dominated by these calls.
    private ColumnPointers[] _columns = [];
    private ulong _chunkSize;
    private ulong _row;
    private bool _hasRows;
    private bool _firstChunkPending;
    private int _recordsAffected = -1;
    private bool _closed;

    internal DuckDbDataReader(DuckDbCommand command, ExtractedStatements statements, bool closeConnection)
    {
        _command = command;
        _statements = statements;
        _closeConnection = closeConnection;
        if (!NextResult())
        {
            throw new DuckDbException("The command text contains no statement.");
        }
    }

    /// <inheritdoc />
    public override int FieldCount => _types.Length;

    /// <inheritdoc />
    public override bool HasRows => _hasRows;

    /// <inheritdoc />
    public override bool IsClosed => _closed;

    /// <inheritdoc />
    public override int RecordsAffected => _recordsAffected;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool NextResult()
    {
        ThrowIfClosed();
        ReleaseResult();
        if (++_statementIndex >= _statements.Count)
        {
            return false;
        }

        using var statement = _statements.Prepare(_statementIndex);
        ParameterBinder.Bind(statement, _command.Parameters);
        var result = new ResultHandle();
        if (NativeMethods.duckdb_execute_prepared_streaming(statement.DangerousGetHandle(), result.Pointer) != DuckDbState.Success)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? "The statement failed.";
            result.Dispose();
            throw new DuckDbException(error);
        }

        _result = result;
        var columns = (int)NativeMethods.duckdb_column_count(result.Pointer);
        _types = new ColumnType[columns];
        _names = new string[columns];
        for (var i = 0; i < columns; i++)
        {
            _names[i] = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result.Pointer, (ulong)i)) ?? string.Empty;
            _types[i] = ColumnType.FromLogicalType(NativeMethods.duckdb_column_logical_type(result.Pointer, (ulong)i));
        }

        var isQuery = NativeMethods.duckdb_result_statement_type(*result.Pointer) == DuckDbStatementType.Select;
        _hasRows = FetchChunk();
        _firstChunkPending = _hasRows;
        if (!isQuery && _hasRows && columns == 1 && _types[0].Id == DuckDbType.BigInt)
        {
            // DML returns one row with the number of rows it changed.
            _recordsAffected = Math.Max(_recordsAffected, 0) + (int)_vectors[0].GetInt64(0);
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Read()
    {
        ThrowIfClosed();
        if (_firstChunkPending)
        {
            _firstChunkPending = false;
            _row = 0;
            return true;
        }

        if (_chunk is null)
        {
            return false;
        }

        if (++_row < _chunkSize)
        {
            return true;
        }

        _row = 0;
        return FetchChunk();
    }

    /// <inheritdoc />
    public override Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Read() ? TrueTask : FalseTask;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (_closed)
        {
            return;
        }

        try
        {
            // The statements not read yet still run, as they would in a batch sent to a server: a command
            // "CREATE …; INSERT …; SELECT …" read only for its first result must not silently skip the rest.
            while (NextResult())
            {
            }
        }
        finally
        {
            _closed = true;
            ReleaseResult();
            _statements.Dispose();
        }

        if (_command.Connection is DuckDbConnection connection)
        {
            if (connection.OpenReader == this)
            {
                connection.OpenReader = null;
            }

            if (_closeConnection)
            {
                connection.Close();
            }
        }
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private static readonly Task<bool> TrueTask = Task.FromResult(true);
    private static readonly Task<bool> FalseTask = Task.FromResult(false);

    private bool FetchChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        Array.Clear(_columns);
        var chunk = NativeMethods.duckdb_fetch_chunk(*_result!.Pointer);
        if (chunk == IntPtr.Zero)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(_result.Pointer));
            if (error is not null)
            {
                throw new DuckDbException(error);
            }

            return false;
        }

        _chunk = new DataChunkHandle(chunk);
        _chunkSize = NativeMethods.duckdb_data_chunk_get_size(chunk);
        if (_vectors.Length != _types.Length)
        {
            _vectors = new VectorReader[_types.Length];
            _columns = new ColumnPointers[_types.Length];
        }

        for (var i = 0; i < _types.Length; i++)
        {
            var vector = NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i);
            _vectors[i] = new VectorReader(vector, _types[i]);
            _columns[i] = new ColumnPointers((byte*)NativeMethods.duckdb_vector_get_data(vector), NativeMethods.duckdb_vector_get_validity(vector), _types[i].Id);
        }

        return _chunkSize > 0 || FetchChunk();
    }

    private void ReleaseResult()
    {
        _chunk?.Dispose();
        _chunk = null;
        _result?.Dispose();
        _result = null;
        _types = [];
        _names = [];
        _vectors = [];
        _columns = [];
        _hasRows = false;
        _firstChunkPending = false;
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closed, this);
}
