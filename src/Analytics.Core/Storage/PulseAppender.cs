using System.Numerics;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>
/// Bulk-loads rows into a table through DuckDB.NET's appender. DuckDB.NET copies a value's bytes into the column
/// as they are (a <c>long</c> appended to a DOUBLE column becomes a denormal number), so every value is converted
/// here to its column's exact type, checked for overflow, or refused naming the column; timestamps are written as
/// UTC. A refused row is dropped and the rows before it stay; the appender takes no further rows after a refused
/// one. <see cref="Dispose"/> writes what is buffered (and reports constraint violations).
/// </summary>
public sealed class PulseAppender : IDisposable
{
    private readonly DuckDBAppender _appender;
    private readonly AppenderColumn[] _columns;
    private readonly string _table;
    private IDuckDBAppenderRow? _row;
    private int _column;

    internal PulseAppender(PulseConnection connection, string? catalog, string? schema, string table)
    {
        _table = table;
        _appender = connection.CreatePlainAppender(catalog, schema, table);
        var columns = connection.Query<AppenderColumn>(SqlQueries.Get("storage/appender_columns"), new { table, schema, catalog }).ToList();
        _columns = columns.Count == 0
            ? []
            : [.. columns.Where(c => c.Catalog == columns[0].Catalog && c.Schema == columns[0].Schema)];
    }

    /// <summary>Starts a row; give it one value per column in table order, then call <see cref="PulseAppenderRow.EndRow"/>.</summary>
    public PulseAppenderRow CreateRow()
    {
        _row = _appender.CreateRow();
        _column = 0;
        return new PulseAppenderRow(this);
    }

    /// <summary>Writes the buffered rows and releases the appender.</summary>
    public void Dispose() => _appender.Dispose();

    internal void AppendNull()
    {
        Next();
        Row.AppendNullValue();
    }

    internal void AppendBoolean(bool value) => Require(Next(), "BOOLEAN", "a boolean").AppendValue(value);

    internal void AppendInteger(Int128 value)
    {
        var column = Next();
        try
        {
            _ = column.BaseType switch
            {
                "BIGINT" => Row.AppendValue(checked((long)value)),
                "INTEGER" => Row.AppendValue(checked((int)value)),
                "SMALLINT" => Row.AppendValue(checked((short)value)),
                "TINYINT" => Row.AppendValue(checked((sbyte)value)),
                "UBIGINT" => Row.AppendValue(checked((ulong)value)),
                "UINTEGER" => Row.AppendValue(checked((uint)value)),
                "USMALLINT" => Row.AppendValue(checked((ushort)value)),
                "UTINYINT" => Row.AppendValue(checked((byte)value)),
                "HUGEINT" or "UHUGEINT" => Row.AppendValue((BigInteger)value),
                "DOUBLE" => Row.AppendValue((double)value),
                "FLOAT" => Row.AppendValue((float)value),
                "DECIMAL" => Row.AppendValue((decimal)value),
                _ => throw Refused(column, "an integer"),
            };
        }
        catch (OverflowException error)
        {
            throw new InvalidOperationException($"{value} does not fit column '{column.Name}' ({column.Type}) of table '{_table}'; the row was not appended.", error);
        }
    }

    internal void AppendDouble(double value)
    {
        var column = Next();
        _ = column.BaseType switch
        {
            "DOUBLE" => Row.AppendValue(value),
            "FLOAT" => Row.AppendValue((float)value),
            "DECIMAL" => Row.AppendValue(Math.Round((decimal)value, column.Scale, MidpointRounding.AwayFromZero)),
            _ => throw Refused(column, "a floating-point number"),
        };
    }

    internal void AppendFloat(float value)
    {
        var column = Next();
        _ = column.BaseType switch
        {
            "FLOAT" => Row.AppendValue(value),
            "DOUBLE" => Row.AppendValue((double)value),
            _ => throw Refused(column, "a floating-point number"),
        };
    }

    internal void AppendDecimal(decimal value)
    {
        var column = Next();
        _ = column.BaseType switch
        {
            "DECIMAL" => Row.AppendValue(Math.Round(value, column.Scale, MidpointRounding.AwayFromZero)),
            "DOUBLE" => Row.AppendValue((double)value),
            "FLOAT" => Row.AppendValue((float)value),
            _ => throw Refused(column, "a decimal"),
        };
    }

    internal void AppendString(string value)
    {
        var column = Next();
        _ = column.BaseType switch
        {
            "VARCHAR" or "UUID" or "JSON" => Row.AppendValue(value),
            _ => throw Refused(column, "a string"),
        };
    }

    internal void AppendBlob(byte[] value) => Require(Next(), "BLOB", "a byte array").AppendValue(value);

    internal void AppendDateTime(DateTime value)
    {
        // DuckDB.NET writes a DateTime's digits whatever its kind: a local time must become UTC first.
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var column = Next();
        _ = column.BaseType switch
        {
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => Row.AppendValue(utc),
            "DATE" => Row.AppendValue(DateOnly.FromDateTime(utc)),
            _ => throw Refused(column, "a timestamp"),
        };
    }

    internal void AppendDate(DateOnly value)
    {
        var column = Next();
        _ = column.BaseType switch
        {
            "DATE" => Row.AppendValue(value),
            "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => Row.AppendValue(value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            _ => throw Refused(column, "a date"),
        };
    }

    internal void AppendInterval(TimeSpan value) => Require(Next(), "INTERVAL", "a time span").AppendValue(value);

    internal void AppendGuid(Guid value) => Require(Next(), "UUID", "a GUID").AppendValue(value);

    internal void AppendStrings(IReadOnlyList<string?> value) => Require(Next(), "VARCHAR[]", "a list of strings").AppendValue<string?>(value);

    internal void AppendInt64s(IReadOnlyList<long> value)
    {
        var column = Next();
        _ = column.Type switch
        {
            "BIGINT[]" => Row.AppendValue<long>(value),
            "INTEGER[]" => Row.AppendValue<int>([.. value.Select(v => checked((int)v))]),
            "DOUBLE[]" => Row.AppendValue<double>([.. value.Select(v => (double)v)]),
            _ => throw Refused(column, "a list of integers"),
        };
    }

    internal void EndRow()
    {
        if (_column != _columns.Length)
        {
            throw new InvalidOperationException(
                $"The row has {_column} value(s) but table '{_table}' has {_columns.Length} column(s); the row was not appended.");
        }

        Row.EndRow();
        _row = null;
    }

    private IDuckDBAppenderRow Row => _row ?? throw new InvalidOperationException("No row is open: call CreateRow() first.");

    private AppenderColumn Next()
    {
        _ = Row;
        if (_column >= _columns.Length)
        {
            throw new InvalidOperationException(
                $"The row has more values than table '{_table}' has columns ({_columns.Length}); the row was not appended.");
        }

        return _columns[_column++];
    }

    private IDuckDBAppenderRow Require(AppenderColumn column, string type, string what) =>
        column.Type == type ? Row : throw Refused(column, what);

    private InvalidOperationException Refused(AppenderColumn column, string what) =>
        new($"Column '{column.Name}' of table '{_table}' is {column.Type}: {what} cannot be appended to it; the row was not appended.");
}
