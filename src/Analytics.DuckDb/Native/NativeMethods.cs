using System.Runtime.InteropServices;

namespace Analytics.DuckDb.Native;

/// <summary>The part of DuckDB's C API that the provider uses.</summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "duckdb";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(Library)]
    internal static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_create_config(out IntPtr config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_connect(IntPtr database, out IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_interrupt(IntPtr connection);

    [LibraryImport(Library)]
    internal static partial void duckdb_free(IntPtr pointer);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_library_version();

    [LibraryImport(Library)]
    internal static partial ulong duckdb_vector_size();

    // Statements
    [LibraryImport(Library)]
    internal static partial ulong duckdb_extract_statements(IntPtr connection, byte* query, out IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr statement);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_extracted(ref IntPtr extracted);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_prepare_error(IntPtr statement);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_prepare(ref IntPtr statement);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_nparams(IntPtr statement);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_parameter_name(IntPtr statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_clear_bindings(IntPtr statement);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared(IntPtr statement, DuckDbResultStruct* result);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_execute_prepared_streaming(IntPtr statement, DuckDbResultStruct* result);

    // Binding
    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_boolean(IntPtr statement, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int8(IntPtr statement, ulong index, sbyte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int16(IntPtr statement, ulong index, short value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int32(IntPtr statement, ulong index, int value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_int64(IntPtr statement, ulong index, long value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint8(IntPtr statement, ulong index, byte value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint16(IntPtr statement, ulong index, ushort value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint32(IntPtr statement, ulong index, uint value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uint64(IntPtr statement, ulong index, ulong value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_hugeint(IntPtr statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_uhugeint(IntPtr statement, ulong index, DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_decimal(IntPtr statement, ulong index, DuckDbDecimal value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_float(IntPtr statement, ulong index, float value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_double(IntPtr statement, ulong index, double value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_date(IntPtr statement, ulong index, int days);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_time(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_timestamp_tz(IntPtr statement, ulong index, long micros);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_interval(IntPtr statement, ulong index, DuckDbInterval value);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_varchar_length(IntPtr statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_blob(IntPtr statement, ulong index, byte* data, ulong length);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_null(IntPtr statement, ulong index);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_bind_value(IntPtr statement, ulong index, IntPtr value);

    // Values (for LIST and UUID parameters)
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_varchar_length(byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_int64(long value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_uuid(DuckDbHugeInt value);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_list_value(IntPtr childType, IntPtr* values, ulong count);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);

    // Results
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_result_error(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_result(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_column_count(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_name(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_column_logical_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_rows_changed(DuckDbResultStruct* result);

    [LibraryImport(Library)]
    internal static partial DuckDbStatementType duckdb_result_statement_type(DuckDbResultStruct result);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);

    // Logical types
    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_get_type_id(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_width(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial byte duckdb_decimal_scale(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial DuckDbType duckdb_decimal_internal_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_type_child_type(IntPtr logicalType);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr logicalType);

    // Data chunks and vectors
    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);

    [LibraryImport(Library)]
    internal static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial void duckdb_data_chunk_reset(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Library)]
    internal static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial void duckdb_unsafe_vector_assign_string_element_len(IntPtr vector, ulong index, byte* text, ulong length);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_list_vector_get_size(IntPtr vector);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_list_vector_set_size(IntPtr vector, ulong size);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_list_vector_reserve(IntPtr vector, ulong capacity);

    // Appender
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(IntPtr connection, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create_ext(IntPtr connection, string? catalog, string? schema, string table, out IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_error(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial ulong duckdb_appender_column_count(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial IntPtr duckdb_appender_column_type(IntPtr appender, ulong column);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_append_data_chunk(IntPtr appender, IntPtr chunk);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_flush(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_close(IntPtr appender);

    [LibraryImport(Library)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);

    /// <summary>Reads a NUL-terminated UTF-8 string owned by DuckDB.</summary>
    internal static string? ReadUtf8(IntPtr text) => text == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(text);
}
