using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Conversions between .NET values and DuckDB's physical representations.</summary>
internal static class ValueConversions
{
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    /// <summary>Microseconds since the epoch; local times are converted to UTC, unspecified ones taken as UTC.</summary>
    public static long ToMicros(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    }

    public static DateTime FromMicros(long micros) =>
        new(DateTime.UnixEpoch.Ticks + (micros * TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    public static DuckDbInterval ToInterval(TimeSpan value) => new()
    {
        Months = 0,
        Days = value.Days,
        Micros = (value.Ticks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerMicrosecond,
    };

    /// <summary>A month counts as 30 days, as in DuckDB's own interval arithmetic.</summary>
    public static TimeSpan FromInterval(DuckDbInterval value) =>
        TimeSpan.FromTicks((((value.Months * 30L) + value.Days) * TimeSpan.TicksPerDay) + (value.Micros * TimeSpan.TicksPerMicrosecond));

    public static DuckDbDecimal ToDuckDbDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var negative = bits[3] < 0;
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        return new DuckDbDecimal { Width = 38, Scale = scale, Value = new DuckDbHugeInt(negative ? -magnitude : magnitude) };
    }

    public static decimal FromScaledInteger(Int128 value, byte scale)
    {
        var negative = value < 0;
        var magnitude = (UInt128)(negative ? -value : value);
        if (scale > 28 || magnitude >> 96 != 0)
        {
            throw new OverflowException($"The DECIMAL value does not fit in System.Decimal (scale {scale}).");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>DuckDB keeps a UUID as a HUGEINT whose top bit is flipped, so that it sorts as text does.</summary>
    public static Guid FromUuidHugeInt(DuckDbHugeInt value)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The plain 128-bit value of a UUID, as <c>duckdb_create_uuid</c> takes it.</summary>
    public static DuckDbHugeInt ToUuidHugeInt(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new DuckDbHugeInt
        {
            Upper = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Lower = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    /// <summary>The stored (top-bit-flipped) form of a UUID, as it sits in a vector.</summary>
    public static DuckDbHugeInt ToStoredUuid(Guid value)
    {
        var plain = ToUuidHugeInt(value);
        plain.Upper = (long)((ulong)plain.Upper ^ (1UL << 63));
        return plain;
    }
}
