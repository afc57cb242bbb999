namespace Analytics.Core.Storage;

/// <summary>One row being appended: give it one value per column in table order, then call <see cref="EndRow"/>.</summary>
public readonly struct PulseAppenderRow
{
    private readonly PulseAppender _appender;

    internal PulseAppenderRow(PulseAppender appender) => _appender = appender;

    /// <summary>Appends a value of any supported type (boxed); prefer the typed overloads in hot loops.</summary>
    public PulseAppenderRow AppendValue(object? value)
    {
        switch (value)
        {
            case null or DBNull: _appender.AppendNull(); break;
            case bool v: _appender.AppendBoolean(v); break;
            case sbyte v: _appender.AppendInteger(v); break;
            case short v: _appender.AppendInteger(v); break;
            case int v: _appender.AppendInteger(v); break;
            case long v: _appender.AppendInteger(v); break;
            case byte v: _appender.AppendInteger(v); break;
            case ushort v: _appender.AppendInteger(v); break;
            case uint v: _appender.AppendInteger(v); break;
            case ulong v: _appender.AppendInteger(v); break;
            case Int128 v: _appender.AppendInteger(v); break;
            case float v: _appender.AppendFloat(v); break;
            case double v: _appender.AppendDouble(v); break;
            case decimal v: _appender.AppendDecimal(v); break;
            case string v: _appender.AppendString(v); break;
            case byte[] v: _appender.AppendBlob(v); break;
            case DateTime v: _appender.AppendDateTime(v); break;
            case DateTimeOffset v: _appender.AppendDateTime(v.UtcDateTime); break;
            case DateOnly v: _appender.AppendDate(v); break;
            case TimeSpan v: _appender.AppendInterval(v); break;
            case Guid v: _appender.AppendGuid(v); break;
            case IReadOnlyList<string?> v: _appender.AppendStrings(v); break;
            case IReadOnlyList<long> v: _appender.AppendInt64s(v); break;
            default: throw new InvalidOperationException($"Values of type {value.GetType().Name} cannot be appended; the row was not appended.");
        }

        return this;
    }

    /// <summary>Appends a NULL.</summary>
    public PulseAppenderRow AppendNullValue() { _appender.AppendNull(); return this; }

    /// <summary>Appends a BOOLEAN.</summary>
    public PulseAppenderRow AppendValue(bool value) { _appender.AppendBoolean(value); return this; }

    /// <summary>Appends an integer to any integer, floating-point or DECIMAL column (checked for overflow).</summary>
    public PulseAppenderRow AppendValue(long value) { _appender.AppendInteger(value); return this; }

    /// <summary>Appends a HUGEINT, UBIGINT or any other integer column (checked for overflow).</summary>
    public PulseAppenderRow AppendValue(Int128 value) { _appender.AppendInteger(value); return this; }

    /// <summary>Appends an integer or NULL.</summary>
    public PulseAppenderRow AppendValue(long? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DOUBLE, FLOAT or DECIMAL (rounded to the column's scale).</summary>
    public PulseAppenderRow AppendValue(double value) { _appender.AppendDouble(value); return this; }

    /// <summary>Appends a DOUBLE, FLOAT or DECIMAL, or NULL.</summary>
    public PulseAppenderRow AppendValue(double? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DECIMAL (rounded to the column's scale), DOUBLE or FLOAT.</summary>
    public PulseAppenderRow AppendValue(decimal value) { _appender.AppendDecimal(value); return this; }

    /// <summary>Appends a VARCHAR, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(string? value) => value is null ? AppendNullValue() : AppendString(value);

    /// <summary>Appends a BLOB, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(byte[]? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.AppendBlob(value);
        return this;
    }

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE; local times are converted to UTC.</summary>
    public PulseAppenderRow AppendValue(DateTime value) { _appender.AppendDateTime(value); return this; }

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateTime? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP as its UTC instant.</summary>
    public PulseAppenderRow AppendValue(DateTimeOffset value) { _appender.AppendDateTime(value.UtcDateTime); return this; }

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP as its UTC instant, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateTimeOffset? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DATE (or midnight UTC to a timestamp column).</summary>
    public PulseAppenderRow AppendValue(DateOnly value) { _appender.AppendDate(value); return this; }

    /// <summary>Appends a DATE, or NULL.</summary>
    public PulseAppenderRow AppendValue(DateOnly? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends an INTERVAL.</summary>
    public PulseAppenderRow AppendValue(TimeSpan value) { _appender.AppendInterval(value); return this; }

    /// <summary>Appends a UUID.</summary>
    public PulseAppenderRow AppendValue(Guid value) { _appender.AppendGuid(value); return this; }

    /// <summary>Appends a UUID, or NULL.</summary>
    public PulseAppenderRow AppendValue(Guid? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a VARCHAR[] list, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(IReadOnlyList<string?>? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.AppendStrings(value);
        return this;
    }

    /// <summary>Appends a BIGINT[] (or INTEGER[], DOUBLE[]) list, or NULL for null.</summary>
    public PulseAppenderRow AppendValue(IReadOnlyList<long>? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.AppendInt64s(value);
        return this;
    }

    /// <summary>Ends the row; throws when it has fewer values than the table has columns (the row is dropped).</summary>
    public void EndRow() => _appender.EndRow();

    private PulseAppenderRow AppendString(string value)
    {
        _appender.AppendString(value);
        return this;
    }
}
