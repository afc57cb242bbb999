using System.Text;
using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>Writing single values into the current row of the buffered chunk.</summary>
public sealed unsafe partial class DuckDbAppender
{
    internal void AppendNull()
    {
        var column = NextColumn();
        SetValid(column, false);
    }

    internal void AppendValue(object? value)
    {
        switch (value)
        {
            case null or DBNull: AppendNull(); break;
            case bool v: AppendBoolean(v); break;
            case sbyte v: AppendInt64(v); break;
            case short v: AppendInt64(v); break;
            case int v: AppendInt64(v); break;
            case long v: AppendInt64(v); break;
            case byte v: AppendInt64(v); break;
            case ushort v: AppendInt64(v); break;
            case uint v: AppendInt64(v); break;
            case ulong v: AppendInteger(v); break;
            case Int128 v: AppendInteger(v); break;
            case float v: AppendDouble(v); break;
            case double v: AppendDouble(v); break;
            case decimal v: AppendDecimal(v); break;
            case string v: AppendString(v); break;
            case byte[] v: AppendBlob(v); break;
            case DateTime v: AppendDateTime(v); break;
            case DateTimeOffset v: AppendDateTime(v.UtcDateTime); break;
            case DateOnly v: AppendDate(v); break;
            case TimeSpan v: AppendInterval(v); break;
            case Guid v: AppendGuid(v); break;
            case IReadOnlyList<string?> v: AppendStrings(v); break;
            case IReadOnlyList<long> v: AppendInt64s(v); break;
            default: throw TypeError(NextColumn(), value.GetType().Name);
        }
    }

    internal void AppendBoolean(bool value)
    {
        var column = NextColumn();
        Require(column, DuckDbType.Boolean, nameof(Boolean));
        Data<byte>(column)[_rows] = value ? (byte)1 : (byte)0;
        SetValid(column, true);
    }

    internal void AppendInt64(long value)
    {
        if (_column < _types.Length && _types[_column].Id == DuckDbType.BigInt && _rowOpen)
        {
            var column = NextColumn();
            Data<long>(column)[_rows] = value;
            SetValid(column, true);
            return;
        }

        AppendInteger(value);
    }

    internal void AppendInteger(Int128 value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.BigInt: Data<long>(column)[_rows] = checked((long)value); break;
            case DuckDbType.Integer: Data<int>(column)[_rows] = checked((int)value); break;
            case DuckDbType.SmallInt: Data<short>(column)[_rows] = checked((short)value); break;
            case DuckDbType.TinyInt: Data<sbyte>(column)[_rows] = checked((sbyte)value); break;
            case DuckDbType.UBigInt: Data<ulong>(column)[_rows] = checked((ulong)value); break;
            case DuckDbType.UInteger: Data<uint>(column)[_rows] = checked((uint)value); break;
            case DuckDbType.USmallInt: Data<ushort>(column)[_rows] = checked((ushort)value); break;
            case DuckDbType.UTinyInt: Data<byte>(column)[_rows] = checked((byte)value); break;
            case DuckDbType.HugeInt: Data<DuckDbHugeInt>(column)[_rows] = new DuckDbHugeInt(value); break;
            case DuckDbType.Double: Data<double>(column)[_rows] = (double)value; break;
            case DuckDbType.Float: Data<float>(column)[_rows] = (float)value; break;
            case DuckDbType.Decimal: WriteScaled(column, checked(value * Pow10(_types[column].Scale))); break;
            default: throw TypeError(column, "integer");
        }

        SetValid(column, true);
    }

    internal void AppendDouble(double value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Double: Data<double>(column)[_rows] = value; break;
            case DuckDbType.Float: Data<float>(column)[_rows] = (float)value; break;
            case DuckDbType.Decimal: WriteScaled(column, (Int128)Math.Round(value * (double)Pow10(_types[column].Scale))); break;
            default: throw TypeError(column, nameof(Double));
        }

        SetValid(column, true);
    }

    internal void AppendDecimal(decimal value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Decimal:
                var scaled = Math.Round(value * (decimal)Pow10(_types[column].Scale));
                WriteScaled(column, (Int128)scaled);
                break;
            case DuckDbType.Double: Data<double>(column)[_rows] = (double)value; break;
            case DuckDbType.Float: Data<float>(column)[_rows] = (float)value; break;
            default: throw TypeError(column, nameof(Decimal));
        }

        SetValid(column, true);
    }

    internal void AppendString(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        var column = NextColumn();
        Require(column, DuckDbType.Varchar, nameof(String));
        WriteText(_vectors[column], _rows, value);
        SetValid(column, true);
    }

    internal void AppendBlob(byte[]? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        var column = NextColumn();
        Require(column, DuckDbType.Blob, "byte[]");
        fixed (byte* data = value)
        {
            NativeMethods.duckdb_unsafe_vector_assign_string_element_len(_vectors[column], _rows, data, (ulong)value.Length);
        }

        SetValid(column, true);
    }

    internal void AppendDateTime(DateTime value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Timestamp or DuckDbType.TimestampTz: Data<long>(column)[_rows] = ValueConversions.ToMicros(value); break;
            case DuckDbType.Date: Data<int>(column)[_rows] = ValueConversions.ToDays(DateOnly.FromDateTime(value)); break;
            default: throw TypeError(column, nameof(DateTime));
        }

        SetValid(column, true);
    }

    internal void AppendDate(DateOnly value)
    {
        var column = NextColumn();
        switch (_types[column].Id)
        {
            case DuckDbType.Date: Data<int>(column)[_rows] = ValueConversions.ToDays(value); break;
            case DuckDbType.Timestamp or DuckDbType.TimestampTz:
                Data<long>(column)[_rows] = ValueConversions.ToMicros(value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
                break;
            default: throw TypeError(column, nameof(DateOnly));
        }

        SetValid(column, true);
    }

    internal void AppendInterval(TimeSpan value)
    {
        var column = NextColumn();
        Require(column, DuckDbType.Interval, nameof(TimeSpan));
        Data<DuckDbInterval>(column)[_rows] = ValueConversions.ToInterval(value);
        SetValid(column, true);
    }

    internal void AppendGuid(Guid value)
    {
        var column = NextColumn();
        Require(column, DuckDbType.Uuid, nameof(Guid));
        Data<DuckDbHugeInt>(column)[_rows] = ValueConversions.ToStoredUuid(value);
        SetValid(column, true);
    }

    internal void AppendStrings(IReadOnlyList<string?> values)
    {
        var column = NextColumn();
        RequireList(column, DuckDbType.Varchar, "string list");
        var (child, offset) = ReserveList(column, values.Count);
        NativeMethods.duckdb_vector_ensure_validity_writable(child);
        var validity = NativeMethods.duckdb_vector_get_validity(child);
        for (var i = 0; i < values.Count; i++)
        {
            var at = offset + (ulong)i;
            SetBit(validity, at, values[i] is not null);
            if (values[i] is { } text)
            {
                WriteText(child, at, text);
            }
        }

        SetValid(column, true);
    }

    internal void AppendInt64s(IReadOnlyList<long> values)
    {
        var column = NextColumn();
        RequireList(column, DuckDbType.BigInt, "Int64 list");
        var (child, offset) = ReserveList(column, values.Count);
        var data = (long*)NativeMethods.duckdb_vector_get_data(child);
        for (var i = 0; i < values.Count; i++)
        {
            data[offset + (ulong)i] = values[i];
        }

        SetValid(column, true);
    }

    private (IntPtr Child, ulong Offset) ReserveList(int column, int count)
    {
        var vector = _vectors[column];
        var offset = NativeMethods.duckdb_list_vector_get_size(vector);
        NativeMethods.duckdb_list_vector_reserve(vector, offset + (ulong)count);
        NativeMethods.duckdb_list_vector_set_size(vector, offset + (ulong)count);
        Data<DuckDbListEntry>(column)[_rows] = new DuckDbListEntry { Offset = offset, Length = (ulong)count };
        return (NativeMethods.duckdb_list_vector_get_child(vector), offset);
    }

    private static void WriteText(IntPtr vector, ulong row, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = length <= 1024 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* text = buffer)
        {
            // The bytes come from a UTF-8 encoder, so DuckDB's own UTF-8 check can be skipped.
            NativeMethods.duckdb_unsafe_vector_assign_string_element_len(vector, row, text, (ulong)length);
        }
    }

    private void WriteScaled(int column, Int128 scaled)
    {
        switch (_types[column].Storage)
        {
            case DuckDbType.SmallInt: Data<short>(column)[_rows] = checked((short)scaled); break;
            case DuckDbType.Integer: Data<int>(column)[_rows] = checked((int)scaled); break;
            case DuckDbType.BigInt: Data<long>(column)[_rows] = checked((long)scaled); break;
            default: Data<DuckDbHugeInt>(column)[_rows] = new DuckDbHugeInt(scaled); break;
        }
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private int NextColumn()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_rowOpen)
        {
            throw new InvalidOperationException("No row is open: call CreateRow() first.");
        }

        if (_column >= _types.Length)
        {
            _rowOpen = false;
            throw new DuckDbException($"The row has more values than table '{_table}' has columns ({_types.Length}); the row was not appended.");
        }

        return _column++;
    }

    private T* Data<T>(int column)
        where T : unmanaged => (T*)NativeMethods.duckdb_vector_get_data(_vectors[column]);

    private void SetValid(int column, bool valid) => SetBit(NativeMethods.duckdb_vector_get_validity(_vectors[column]), _rows, valid);

    private static void SetBit(ulong* validity, ulong row, bool valid)
    {
        if (valid)
        {
            validity[row >> 6] |= 1UL << (int)(row & 63);
        }
        else
        {
            validity[row >> 6] &= ~(1UL << (int)(row & 63));
        }
    }

    private void Require(int column, DuckDbType type, string valueType)
    {
        if (_types[column].Id != type)
        {
            throw TypeError(column, valueType);
        }
    }

    private void RequireList(int column, DuckDbType childType, string valueType)
    {
        if (_types[column].Id != DuckDbType.List || _types[column].Child!.Id != childType)
        {
            throw TypeError(column, valueType);
        }
    }

    private DuckDbException TypeError(int column, string valueType)
    {
        _rowOpen = false;
        return new DuckDbException($"Column {column + 1} of table '{_table}' is {_types[column].Name}; a {valueType} value cannot be appended to it. The row was not appended.");
    }
}
