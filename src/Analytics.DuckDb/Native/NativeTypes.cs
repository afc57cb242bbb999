using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

internal enum DuckDbState
{
    Success = 0,
    Error = 1,
}

/// <summary>DuckDB's type ids (<c>DUCKDB_TYPE</c> in duckdb.h).</summary>
internal enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampS = 20,
    TimestampMs = 21,
    TimestampNs = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
    Any = 34,
    BigNum = 35,
    SqlNull = 36,
}

internal enum DuckDbStatementType
{
    Invalid = 0,
    Select = 1,
}

/// <summary><c>duckdb_result</c>: 48 bytes, only ever touched through the C API.</summary>
[StructLayout(LayoutKind.Sequential, Size = 48)]
internal struct DuckDbResultStruct
{
    private readonly long _reserved0;
}

[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbHugeInt
{
    public ulong Lower;
    public long Upper;

    public DuckDbHugeInt(Int128 value)
    {
        Lower = (ulong)(value & ulong.MaxValue);
        Upper = (long)(value >> 64);
    }

    public readonly Int128 ToInt128() => new((ulong)Upper, Lower);

    public readonly UInt128 ToUInt128() => new((ulong)Upper, Lower);
}

[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimal
{
    public byte Width;
    public byte Scale;
    public DuckDbHugeInt Value;
}

[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbInterval
{
    public int Months;
    public int Days;
    public long Micros;
}

[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbListEntry
{
    public ulong Offset;
    public ulong Length;
}
