using System.Runtime.InteropServices;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>
/// The statements of one command text, each prepared only when its turn comes, so that a later statement can
/// refer to a table an earlier one creates.
/// </summary>
internal sealed unsafe class ExtractedStatements : IDisposable
{
    private readonly IntPtr _connection;
    private IntPtr _extracted;

    private ExtractedStatements(IntPtr connection, IntPtr extracted, int count)
    {
        _connection = connection;
        _extracted = extracted;
        Count = count;
    }

    public int Count { get; }

    public static ExtractedStatements Extract(IntPtr connection, string sql)
    {
        var bytes = Encoding.UTF8.GetBytes(sql + "\0");
        ulong count;
        IntPtr extracted;
        fixed (byte* text = bytes)
        {
            count = NativeMethods.duckdb_extract_statements(connection, text, out extracted);
        }

        if (count == 0)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_extract_statements_error(extracted));
            NativeMethods.duckdb_destroy_extracted(ref extracted);
            throw new DuckDbException(error ?? "The command text contains no statement.");
        }

        return new ExtractedStatements(connection, extracted, checked((int)count));
    }

    public PreparedStatementHandle Prepare(int index)
    {
        ObjectDisposedException.ThrowIf(_extracted == IntPtr.Zero, this);
        var handle = new PreparedStatementHandle();
        var state = NativeMethods.duckdb_prepare_extracted_statement(_connection, _extracted, (ulong)index, out var statement);
        Marshal.InitHandle(handle, statement);
        if (state != DuckDbState.Success)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(statement)) ?? "The statement could not be prepared.";
            handle.Dispose();
            throw new DuckDbException(error);
        }

        return handle;
    }

    public void Dispose()
    {
        if (_extracted != IntPtr.Zero)
        {
            NativeMethods.duckdb_destroy_extracted(ref _extracted);
            _extracted = IntPtr.Zero;
        }
    }
}
