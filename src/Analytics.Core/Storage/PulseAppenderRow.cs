using System.Numerics;
using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>
/// One row being appended: give it one value per column in table order, then call <see cref="EndRow"/>.
/// DuckDB.NET writes a <see cref="DateTime"/> as its wall-clock digits whatever its kind, so local times are
/// converted to UTC here, and offsets are always written as their UTC instant.
/// </summary>
public readonly struct PulseAppenderRow
{
    private readonly IDuckDBAppenderRow _row;
    private readonly string _table;

    internal PulseAppenderRow(IDuckDBAppenderRow row, string table)
    {
        _row = row;
        _table = table;
    }

    /// <summary>Appends a value of any supported type (boxed); prefer the typed overloads in hot loops.</summary>
    public PulseAppenderRow AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNullValue(),
        bool v => AppendValue(v),
        sbyte or short or int or long or byte or ushort or uint => AppendValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
        ulong v => Write(r => r.AppendValue(v)),
        Int128 v => AppendValue(v),
        float v => Write(r => r.AppendValue(v)),
        double v => AppendValue(v),
        decimal v => AppendValue(v),
        string v => AppendValue(v),
        byte[] v => AppendValue(v),
        DateTime v => AppendValue(v),
        DateTimeOffset v => AppendValue(v),
        DateOnly v => AppendValue(v),
        TimeSpan v => AppendValue(v),
        Guid v => AppendValue(v),
        IReadOnlyList<string?> v => AppendValue(v),
        IReadOnlyList<long> v => AppendValue(v),
        _ => throw new InvalidOperationException($"Values of type {value.GetType().Name} cannot be appended to table '{_table}'."),
    };

    /// <summary>Appends a NULL.</summary>
    public PulseAppenderRow AppendNullValue() => Write(r => r.AppendNullValue());

    /// <summary>Appends a BOOLEAN.</summary>
    public PulseAppenderRow AppendValue(bool value) => Write(r => r.AppendValue(value));

    /// <summary>Appends an integer to an integer or floating-point column.</summary>
    public PulseAppenderRow AppendValue(long value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a HUGEINT or any other integer column.</summary>
    public PulseAppenderRow AppendValue(Int128 value) => Write(r => r.AppendValue((BigInteger)value));

    /// <summary>Appends an integer or NULL.</summary>
    public PulseAppenderRow AppendValue(long? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DOUBLE or FLOAT.</summary>
    public PulseAppenderRow AppendValue(double value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a DOUBLE or FLOAT, or NULL.</summary>
    public PulseAppenderRow AppendValue(double? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DECIMAL.</summary>
    public PulseAppenderRow AppendValue(decimal value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a VARCHAR, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(string? value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a BLOB, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(byte[]? value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE; local times are converted to UTC.</summary>
    public PulseAppenderRow AppendValue(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return Write(r => r.AppendValue(utc));
    }

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateTime? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP as its UTC instant.</summary>
    public PulseAppenderRow AppendValue(DateTimeOffset value) => AppendValue(value.UtcDateTime);

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP as its UTC instant, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateTimeOffset? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DATE.</summary>
    public PulseAppenderRow AppendValue(DateOnly value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a DATE, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateOnly? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends an INTERVAL.</summary>
    public PulseAppenderRow AppendValue(TimeSpan value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a UUID.</summary>
    public PulseAppenderRow AppendValue(Guid value) => Write(r => r.AppendValue(value));

    /// <summary>Appends a UUID, or NULL.</summary>
    public PulseAppenderRow AppendValue(Guid? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a VARCHAR[] list, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(IReadOnlyList<string?>? value) =>
        value is null ? AppendNullValue() : Write(r => r.AppendValue<string?>(value));

    /// <summary>Appends a BIGINT[] list, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(IReadOnlyList<long>? value) =>
        value is null ? AppendNullValue() : Write(r => r.AppendValue<long>(value));

    /// <summary>Ends the row; throws when it has fewer values than the table has columns (the row is dropped).</summary>
    public void EndRow() => _row.EndRow();

    private PulseAppenderRow Write(Func<IDuckDBAppenderRow, IDuckDBAppenderRow> append)
    {
        try
        {
            append(_row);
            return this;
        }
        catch (IndexOutOfRangeException error)
        {
            // DuckDB.NET reports a value past the last column as an index error; it is a row of the wrong shape.
            throw new InvalidOperationException(error.Message, error);
        }
    }
}
