using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>A DuckDB database instance (<c>duckdb_database</c>).</summary>
internal sealed class DatabaseHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_close(ref handle);
        return true;
    }
}

/// <summary>A DuckDB connection (<c>duckdb_connection</c>).</summary>
internal sealed class ConnectionHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_disconnect(ref handle);
        return true;
    }
}

/// <summary>A prepared statement (<c>duckdb_prepared_statement</c>).</summary>
internal sealed class PreparedStatementHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_prepare(ref handle);
        return true;
    }
}

/// <summary>An appender (<c>duckdb_appender</c>); releasing it does not flush.</summary>
internal sealed class AppenderHandle() : SafeHandle(IntPtr.Zero, ownsHandle: true)
{
    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_appender_destroy(ref handle);
        return true;
    }
}

/// <summary>A data chunk (<c>duckdb_data_chunk</c>).</summary>
internal sealed class DataChunkHandle : SafeHandle
{
    public DataChunkHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public DataChunkHandle(IntPtr chunk)
        : base(IntPtr.Zero, ownsHandle: true) => SetHandle(chunk);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_data_chunk(ref handle);
        return true;
    }
}

/// <summary>
/// Owns the unmanaged memory of a <c>duckdb_result</c> struct, so that the result is destroyed even when a
/// reader is never disposed.
/// </summary>
internal sealed unsafe class ResultHandle : SafeHandle
{
    public ResultHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
        var memory = (DuckDbResultStruct*)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        SetHandle((IntPtr)memory);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public DuckDbResultStruct* Pointer => (DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result((DuckDbResultStruct*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
