using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Where one column's values and validity mask sit in the current chunk.</summary>
internal readonly unsafe struct ColumnPointers(byte* data, ulong* validity, DuckDbType type)
{
    public byte* Data { get; } = data;

    public ulong* Validity { get; } = validity;

    public DuckDbType Type { get; } = type;
}
