using Analytics.DuckDb.Execution;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb;

/// <summary>Typed access to the fields of the current row.</summary>
public sealed unsafe partial class DuckDbDataReader
{
    /// <inheritdoc />
    public override string GetName(int ordinal) => _names[ordinal];

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        var index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
    }

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => _types[ordinal].ClrType;

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => _types[ordinal].Name;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal) => Current(ordinal).IsNull(_row);

    /// <inheritdoc />
    public override object GetValue(int ordinal) => Current(ordinal).GetValue(_row);

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => (bool)NotNull(ordinal).GetValue(_row);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => checked((byte)NotNull(ordinal).GetInt64(_row));

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => checked((short)NotNull(ordinal).GetInt64(_row));

    /// <inheritdoc />
    public override int GetInt32(int ordinal) =>
        IsFast(ordinal, DuckDbType.Integer, out var data) ? ((int*)data)[_row] : checked((int)NotNull(ordinal).GetInt64(_row));

    /// <inheritdoc />
    public override long GetInt64(int ordinal) =>
        IsFast(ordinal, DuckDbType.BigInt, out var data) ? ((long*)data)[_row] : NotNull(ordinal).GetInt64(_row);

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => (float)NotNull(ordinal).GetDouble(_row);

    /// <inheritdoc />
    public override double GetDouble(int ordinal) =>
        IsFast(ordinal, DuckDbType.Double, out var data) ? ((double*)data)[_row] : NotNull(ordinal).GetDouble(_row);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    /// <inheritdoc />
    public override string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => NotNull(ordinal).GetDateTime(_row);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => (Guid)NotNull(ordinal).GetValue(_row);

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        var vector = Current(ordinal);
        if (vector.IsNull(_row))
        {
            return default(T) is null ? default! : throw new InvalidCastException($"Column '{_names[ordinal]}' is NULL.");
        }

        object value = typeof(T) switch
        {
            var t when t == typeof(DateTime) => vector.GetDateTime(_row),
            var t when t == typeof(DateTimeOffset) => new DateTimeOffset(vector.GetDateTime(_row)),
            var t when t == typeof(long) => vector.GetInt64(_row),
            var t when t == typeof(double) => vector.GetDouble(_row),
            var t when t == typeof(decimal) => vector.GetDecimal(_row),
            _ => vector.GetValue(_row),
        };
        return (T)value;
    }

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = (byte[])NotNull(ordinal).GetValue(_row);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Min(length, Math.Max(0, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Min(length, Math.Max(0, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <summary>True when the column has the given type and the current row holds a value: the typed fast path.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool IsFast(int ordinal, DuckDbType type, out byte* data)
    {
        // Between chunks the pointers are cleared (type Invalid), so the fast path cannot read a freed vector.
        ref readonly var column = ref _columns[ordinal];
        data = column.Data;
        return column.Type == type && (column.Validity == null || (column.Validity[_row >> 6] & (1UL << (int)(_row & 63))) != 0);
    }

    private VectorReader Current(int ordinal)
    {
        if (_chunk is null)
        {
            throw new InvalidOperationException("No row is current: call Read() first.");
        }

        return _vectors[ordinal];
    }

    private VectorReader NotNull(int ordinal)
    {
        var vector = Current(ordinal);
        return vector.IsNull(_row) ? throw new InvalidCastException($"Column '{_names[ordinal]}' is NULL.") : vector;
    }
}
