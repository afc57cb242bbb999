using System.Globalization;
using System.Text;
using Analytics.DuckDb.Native;

namespace Analytics.DuckDb.Execution;

/// <summary>Binds <see cref="DuckDbParameter"/> values to a prepared statement's placeholders.</summary>
internal static unsafe class ParameterBinder
{
    public static void Bind(PreparedStatementHandle statement, DuckDbParameterCollection parameters)
    {
        var handle = statement.DangerousGetHandle();
        var count = NativeMethods.duckdb_nparams(handle);
        var positional = parameters.Positional.ToList();
        var highestPositional = 0;
        for (ulong index = 1; index <= count; index++)
        {
            var namePointer = NativeMethods.duckdb_parameter_name(handle, index);
            var name = NativeMethods.ReadUtf8(namePointer) ?? index.ToString(CultureInfo.InvariantCulture);
            NativeMethods.duckdb_free(namePointer);

            DuckDbParameter? parameter = null;
            var named = parameters.IndexOf(name);
            if (named >= 0)
            {
                parameter = (DuckDbParameter)parameters[named];
            }
            else if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position <= positional.Count)
            {
                parameter = positional[position - 1];
                highestPositional = Math.Max(highestPositional, position);
            }

            if (parameter is null)
            {
                throw new DuckDbException($"No value was given for parameter ${name}: the statement has {count} parameter(s).");
            }

            BindValue(handle, index, parameter.Value, name);
        }

        if (count > 0 && positional.Count > highestPositional)
        {
            throw new DuckDbException($"The statement has {highestPositional} positional parameter(s) but {positional.Count} unnamed values were given.");
        }
    }

    private static void BindValue(IntPtr statement, ulong index, object? value, string name)
    {
        var state = value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(statement, index),
            bool v => NativeMethods.duckdb_bind_boolean(statement, index, v),
            sbyte v => NativeMethods.duckdb_bind_int8(statement, index, v),
            short v => NativeMethods.duckdb_bind_int16(statement, index, v),
            int v => NativeMethods.duckdb_bind_int32(statement, index, v),
            long v => NativeMethods.duckdb_bind_int64(statement, index, v),
            byte v => NativeMethods.duckdb_bind_uint8(statement, index, v),
            ushort v => NativeMethods.duckdb_bind_uint16(statement, index, v),
            uint v => NativeMethods.duckdb_bind_uint32(statement, index, v),
            ulong v => NativeMethods.duckdb_bind_uint64(statement, index, v),
            Int128 v => NativeMethods.duckdb_bind_hugeint(statement, index, new DuckDbHugeInt(v)),
            UInt128 v => NativeMethods.duckdb_bind_uhugeint(statement, index, new DuckDbHugeInt((Int128)v)),
            float v => NativeMethods.duckdb_bind_float(statement, index, v),
            double v => NativeMethods.duckdb_bind_double(statement, index, v),
            decimal v => NativeMethods.duckdb_bind_decimal(statement, index, ValueConversions.ToDuckDbDecimal(v)),
            string v => BindString(statement, index, v),
            char v => BindString(statement, index, v.ToString()),
            byte[] v => BindBlob(statement, index, v),
            DateOnly v => NativeMethods.duckdb_bind_date(statement, index, ValueConversions.ToDays(v)),
            TimeOnly v => NativeMethods.duckdb_bind_time(statement, index, v.Ticks / TimeSpan.TicksPerMicrosecond),
            DateTime v => NativeMethods.duckdb_bind_timestamp(statement, index, ValueConversions.ToMicros(v)),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp_tz(statement, index, ValueConversions.ToMicros(v.UtcDateTime)),
            TimeSpan v => NativeMethods.duckdb_bind_interval(statement, index, ValueConversions.ToInterval(v)),
            Guid v => BindOwnedValue(statement, index, NativeMethods.duckdb_create_uuid(ValueConversions.ToUuidHugeInt(v))),
            Enum v => NativeMethods.duckdb_bind_int64(statement, index, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            IEnumerable<string?> v => BindOwnedValue(statement, index, ListValues.Create(v)),
            IEnumerable<long> v => BindOwnedValue(statement, index, ListValues.Create(v)),
            IEnumerable<int> v => BindOwnedValue(statement, index, ListValues.Create(v.Select(i => (long)i))),
            _ => throw new DuckDbException($"Parameter ${name}: values of type {value.GetType().Name} are not supported."),
        };

        if (state != DuckDbState.Success)
        {
            throw new DuckDbException($"Parameter ${name}: DuckDB refused the value of type {value?.GetType().Name ?? "null"}.");
        }
    }

    private static DuckDbState BindString(IntPtr statement, ulong index, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* text = buffer)
        {
            return NativeMethods.duckdb_bind_varchar_length(statement, index, text, (ulong)length);
        }
    }

    private static DuckDbState BindBlob(IntPtr statement, ulong index, byte[] value)
    {
        fixed (byte* data = value)
        {
            return NativeMethods.duckdb_bind_blob(statement, index, data, (ulong)value.Length);
        }
    }

    private static DuckDbState BindOwnedValue(IntPtr statement, ulong index, IntPtr value)
    {
        try
        {
            return NativeMethods.duckdb_bind_value(statement, index, value);
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref value);
        }
    }

    private static class ListValues
    {
        public static IntPtr Create(IEnumerable<string?> items) =>
            Create(DuckDbType.Varchar, items.Select(item =>
            {
                var bytes = Encoding.UTF8.GetBytes(item ?? string.Empty);
                fixed (byte* text = bytes)
                {
                    return NativeMethods.duckdb_create_varchar_length(text, (ulong)bytes.Length);
                }
            }));

        public static IntPtr Create(IEnumerable<long> items) => Create(DuckDbType.BigInt, items.Select(NativeMethods.duckdb_create_int64));

        private static IntPtr Create(DuckDbType childType, IEnumerable<IntPtr> items)
        {
            var values = items.ToArray();
            var type = NativeMethods.duckdb_create_logical_type(childType);
            try
            {
                // DuckDB returns no value at all for a null array, so an empty list still passes a real pointer.
                var placeholder = IntPtr.Zero;
                fixed (IntPtr* pointer = values)
                {
                    var list = NativeMethods.duckdb_create_list_value(type, values.Length == 0 ? &placeholder : pointer, (ulong)values.Length);
                    return list != IntPtr.Zero ? list : throw new DuckDbException("DuckDB could not create the list value.");
                }
            }
            finally
            {
                NativeMethods.duckdb_destroy_logical_type(ref type);
                for (var i = 0; i < values.Length; i++)
                {
                    NativeMethods.duckdb_destroy_value(ref values[i]);
                }
            }
        }
    }
}
