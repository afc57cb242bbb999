using System.Runtime.InteropServices;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>
/// Bulk-loads rows into a table. Rows are written straight into a DuckDB data chunk and handed over a chunk at a
/// time; <see cref="Flush"/> or <see cref="Dispose"/> writes what is buffered. A value of the wrong type or a
/// row with the wrong number of values is refused at once and the row is dropped; the rows before it stay.
/// </summary>
public sealed unsafe partial class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly ColumnType[] _types;
    private readonly string _table;
    private readonly ulong _capacity;
    private readonly DataChunkHandle _chunk;
    private readonly IntPtr[] _vectors;
    private ulong _rows;
    private int _column;
    private bool _rowOpen;
    private bool _disposed;

    internal DuckDbAppender(DuckDbConnection connection, string? catalog, string? schema, string table)
    {
        _table = table;
        _handle = new AppenderHandle();
        var state = catalog is null
            ? NativeMethods.duckdb_appender_create(connection.NativeHandle, schema, table, out var appender)
            : NativeMethods.duckdb_appender_create_ext(connection.NativeHandle, catalog, schema, table, out appender);
        Marshal.InitHandle(_handle, appender);
        if (state != DuckDbState.Success)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(appender)) ?? $"Cannot append to table '{table}'.";
            _handle.Dispose();
            throw new DuckDbException(error);
        }

        var columns = (int)NativeMethods.duckdb_appender_column_count(appender);
        var logicalTypes = new IntPtr[columns];
        _types = new ColumnType[columns];
        for (var i = 0; i < columns; i++)
        {
            logicalTypes[i] = NativeMethods.duckdb_appender_column_type(appender, (ulong)i);
        }

        fixed (IntPtr* types = logicalTypes)
        {
            _chunk = new DataChunkHandle(NativeMethods.duckdb_create_data_chunk(types, (ulong)columns));
        }

        for (var i = 0; i < columns; i++)
        {
            // FromLogicalType destroys the logical type once it has read it.
            _types[i] = ColumnType.FromLogicalType(logicalTypes[i]);
        }

        _capacity = NativeMethods.duckdb_vector_size();
        _vectors = new IntPtr[columns];
        LoadVectors();
    }

    /// <summary>The number of columns of the target table.</summary>
    public int ColumnCount => _types.Length;

    /// <summary>Starts a row; give it exactly <see cref="ColumnCount"/> values, then call <see cref="DuckDbAppenderRow.EndRow"/>.</summary>
    public DuckDbAppenderRow CreateRow()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_rowOpen)
        {
            throw new InvalidOperationException("The previous row was not ended: call EndRow() first.");
        }

        _rowOpen = true;
        _column = 0;
        return new DuckDbAppenderRow(this);
    }

    /// <summary>Writes every buffered row to the table.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        AppendChunk();
        if (NativeMethods.duckdb_appender_flush(_handle.DangerousGetHandle()) != DuckDbState.Success)
        {
            throw AppenderError();
        }
    }

    /// <summary>Flushes the buffered rows and releases the appender.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            AppendChunk();
            if (NativeMethods.duckdb_appender_close(_handle.DangerousGetHandle()) != DuckDbState.Success)
            {
                throw AppenderError();
            }
        }
        finally
        {
            _disposed = true;
            _chunk.Dispose();
            _handle.Dispose();
        }
    }

    internal void EndRow()
    {
        if (!_rowOpen)
        {
            throw new InvalidOperationException("No row is open: call CreateRow() first.");
        }

        _rowOpen = false;
        if (_column != _types.Length)
        {
            throw new DuckDbException($"The row has {_column} value(s) but table '{_table}' has {_types.Length} column(s); the row was not appended.");
        }

        if (++_rows == _capacity)
        {
            AppendChunk();
        }
    }

    private void AppendChunk()
    {
        if (_rows == 0)
        {
            return;
        }

        var chunk = _chunk.DangerousGetHandle();
        NativeMethods.duckdb_data_chunk_set_size(chunk, _rows);
        var state = NativeMethods.duckdb_append_data_chunk(_handle.DangerousGetHandle(), chunk);
        _rows = 0;
        NativeMethods.duckdb_data_chunk_reset(chunk);
        LoadVectors();
        if (state != DuckDbState.Success)
        {
            throw AppenderError();
        }
    }

    private void LoadVectors()
    {
        var chunk = _chunk.DangerousGetHandle();
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = NativeMethods.duckdb_data_chunk_get_vector(chunk, (ulong)i);
            NativeMethods.duckdb_vector_ensure_validity_writable(_vectors[i]);
        }
    }

    private DuckDbException AppenderError() =>
        new(NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(_handle.DangerousGetHandle())) ?? $"Appending to table '{_table}' failed.");
}
