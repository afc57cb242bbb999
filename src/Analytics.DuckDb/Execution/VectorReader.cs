using System.Runtime.CompilerServices;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Reads values straight out of one column's vector in a data chunk.</summary>
internal readonly unsafe struct VectorReader
{
    private readonly byte* _data;
    private readonly ulong* _validity;
    private readonly IntPtr _vector;

    public VectorReader(IntPtr vector, ColumnType type)
    {
        _vector = vector;
        _data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
        Type = type;
    }

    public ColumnType Type { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(ulong row) => _validity != null && (_validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read<T>(ulong row)
        where T : unmanaged => ((T*)_data)[row];

    public object GetValue(ulong row)
    {
        if (IsNull(row))
        {
            return DBNull.Value;
        }

        return Type.Id switch
        {
            DuckDbType.Boolean => Read<byte>(row) != 0,
            DuckDbType.TinyInt => Read<sbyte>(row),
            DuckDbType.SmallInt => Read<short>(row),
            DuckDbType.Integer => Read<int>(row),
            DuckDbType.BigInt => Read<long>(row),
            DuckDbType.UTinyInt => Read<byte>(row),
            DuckDbType.USmallInt => Read<ushort>(row),
            DuckDbType.UInteger => Read<uint>(row),
            DuckDbType.UBigInt => Read<ulong>(row),
            DuckDbType.HugeInt => Read<DuckDbHugeInt>(row).ToInt128(),
            DuckDbType.UHugeInt => Read<DuckDbHugeInt>(row).ToUInt128(),
            DuckDbType.Float => Read<float>(row),
            DuckDbType.Double => Read<double>(row),
            DuckDbType.Decimal => GetDecimal(row),
            DuckDbType.Varchar => GetString(row),
            DuckDbType.Blob => GetBytes(row),
            DuckDbType.Date => ValueConversions.FromDays(Read<int>(row)),
            DuckDbType.Time => new TimeOnly(Read<long>(row) * TimeSpan.TicksPerMicrosecond),
            DuckDbType.TimestampTz => new DateTimeOffset(GetDateTime(row)),
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetDateTime(row),
            DuckDbType.Interval => ValueConversions.FromInterval(Read<DuckDbInterval>(row)),
            DuckDbType.Uuid => ValueConversions.FromUuidHugeInt(Read<DuckDbHugeInt>(row)),
            DuckDbType.List => GetList(row),
            _ => DBNull.Value,
        };
    }

    public long GetInt64(ulong row) => Type.Id switch
    {
        DuckDbType.BigInt => Read<long>(row),
        DuckDbType.Integer => Read<int>(row),
        DuckDbType.SmallInt => Read<short>(row),
        DuckDbType.TinyInt => Read<sbyte>(row),
        DuckDbType.UTinyInt => Read<byte>(row),
        DuckDbType.USmallInt => Read<ushort>(row),
        DuckDbType.UInteger => Read<uint>(row),
        DuckDbType.UBigInt => checked((long)Read<ulong>(row)),
        DuckDbType.HugeInt => checked((long)Read<DuckDbHugeInt>(row).ToInt128()),
        _ => Convert.ToInt64(GetValue(row), System.Globalization.CultureInfo.InvariantCulture),
    };

    public double GetDouble(ulong row) => Type.Id switch
    {
        DuckDbType.Double => Read<double>(row),
        DuckDbType.Float => Read<float>(row),
        DuckDbType.Decimal => (double)ScaledDecimal(row) / Math.Pow(10, Type.Scale),
        DuckDbType.HugeInt => (double)Read<DuckDbHugeInt>(row).ToInt128(),
        _ => GetInt64(row),
    };

    public decimal GetDecimal(ulong row)
    {
        if (Type.Id != DuckDbType.Decimal)
        {
            return Type.Id is DuckDbType.Double or DuckDbType.Float ? (decimal)GetDouble(row) : GetInt64(row);
        }

        return ValueConversions.FromScaledInteger(ScaledDecimal(row), Type.Scale);
    }

    /// <summary>A DECIMAL's stored integer: the value times 10^scale.</summary>
    private Int128 ScaledDecimal(ulong row) => Type.Storage switch
    {
        DuckDbType.SmallInt => Read<short>(row),
        DuckDbType.Integer => Read<int>(row),
        DuckDbType.BigInt => Read<long>(row),
        _ => Read<DuckDbHugeInt>(row).ToInt128(),
    };

    public DateTime GetDateTime(ulong row)
    {
        return Type.Id switch
        {
            DuckDbType.Date => ValueConversions.FromDays(Read<int>(row)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            DuckDbType.TimestampS => ValueConversions.FromMicros(Read<long>(row) * 1_000_000),
            DuckDbType.TimestampMs => ValueConversions.FromMicros(Read<long>(row) * 1_000),
            DuckDbType.TimestampNs => ValueConversions.FromMicros(Read<long>(row) / 1_000),
            DuckDbType.Timestamp or DuckDbType.TimestampTz => ValueConversions.FromMicros(Read<long>(row)),
            _ => throw new InvalidCastException($"A {Type.Name} column cannot be read as a DateTime."),
        };
    }

    public string GetString(ulong row)
    {
        if (Type.Id != DuckDbType.Varchar)
        {
            throw new InvalidCastException($"A {Type.Name} column cannot be read as a string.");
        }

        return Encoding.UTF8.GetString(StringAt(row));
    }

    private byte[] GetBytes(ulong row)
    {
        return StringAt(row).ToArray();
    }

    /// <summary><c>duckdb_string_t</c>: 16 bytes; up to 12 bytes inline after the length, else a pointer at offset 8.</summary>
    private ReadOnlySpan<byte> StringAt(ulong row)
    {
        var entry = _data + (row * 16);
        var length = *(int*)entry;
        return new ReadOnlySpan<byte>(length <= 12 ? entry + 4 : *(byte**)(entry + 8), length);
    }

    private Array GetList(ulong row)
    {
        var entry = Read<DuckDbListEntry>(row);
        var child = new VectorReader(NativeMethods.duckdb_list_vector_get_child(_vector), Type.Child!);
        var length = (int)entry.Length;
        switch (Type.Child!.Id)
        {
            case DuckDbType.Varchar:
                var strings = new string?[length];
                for (var i = 0; i < length; i++)
                {
                    var at = entry.Offset + (ulong)i;
                    strings[i] = child.IsNull(at) ? null : child.GetString(at);
                }

                return strings;
            case DuckDbType.BigInt:
                return ReadPrimitiveList<long>(child, entry);
            case DuckDbType.Integer:
                return ReadPrimitiveList<int>(child, entry);
            case DuckDbType.Double:
                return ReadPrimitiveList<double>(child, entry);
            default:
                var values = new object[length];
                for (var i = 0; i < length; i++)
                {
                    values[i] = child.GetValue(entry.Offset + (ulong)i);
                }

                return values;
        }
    }

    private static T[] ReadPrimitiveList<T>(VectorReader child, DuckDbListEntry entry)
        where T : unmanaged
    {
        var values = new T[entry.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var at = entry.Offset + (ulong)i;
            if (child.IsNull(at))
            {
                throw new InvalidCastException($"The LIST holds a NULL element; a {typeof(T).Name}[] cannot hold it. Filter NULLs out with list_filter in the query.");
            }

            values[i] = child.Read<T>(at);
        }

        return values;
    }
}
