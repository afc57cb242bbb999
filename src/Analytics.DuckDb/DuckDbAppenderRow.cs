namespace Analytics.DuckDb;

/// <summary>One row being appended: give it one value per column in table order, then call <see cref="EndRow"/>.</summary>
public readonly struct DuckDbAppenderRow
{
    private readonly DuckDbAppender _appender;

    internal DuckDbAppenderRow(DuckDbAppender appender) => _appender = appender;

    /// <summary>Appends a value of any supported type (boxed); prefer the typed overloads in hot loops.</summary>
    public DuckDbAppenderRow AppendValue(object? value) { _appender.AppendValue(value); return this; }

    /// <summary>Appends a NULL.</summary>
    public DuckDbAppenderRow AppendNullValue() { _appender.AppendNull(); return this; }

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppenderRow AppendValue(bool value) { _appender.AppendBoolean(value); return this; }

    /// <summary>Appends an integer to any integer, floating-point or DECIMAL column (checked for overflow).</summary>
    public DuckDbAppenderRow AppendValue(long value) { _appender.AppendInt64(value); return this; }

    /// <summary>Appends a HUGEINT, UBIGINT or any other integer column (checked for overflow).</summary>
    public DuckDbAppenderRow AppendValue(Int128 value) { _appender.AppendInteger(value); return this; }

    /// <summary>Appends an integer or NULL.</summary>
    public DuckDbAppenderRow AppendValue(long? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DOUBLE, FLOAT or DECIMAL.</summary>
    public DuckDbAppenderRow AppendValue(double value) { _appender.AppendDouble(value); return this; }

    /// <summary>Appends a DOUBLE, FLOAT or DECIMAL, or NULL.</summary>
    public DuckDbAppenderRow AppendValue(double? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DECIMAL (rounded to the column's scale), DOUBLE or FLOAT.</summary>
    public DuckDbAppenderRow AppendValue(decimal value) { _appender.AppendDecimal(value); return this; }

    /// <summary>Appends a VARCHAR, or NULL for null.</summary>
    public DuckDbAppenderRow AppendValue(string? value) { _appender.AppendString(value); return this; }

    /// <summary>Appends a BLOB, or NULL for null.</summary>
    public DuckDbAppenderRow AppendValue(byte[]? value) { _appender.AppendBlob(value); return this; }

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE; local times are converted to UTC.</summary>
    public DuckDbAppenderRow AppendValue(DateTime value) { _appender.AppendDateTime(value); return this; }

    /// <summary>Appends a TIMESTAMP, TIMESTAMPTZ or DATE, or NULL.</summary>
    public DuckDbAppenderRow AppendValue(DateTime? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP (as UTC).</summary>
    public DuckDbAppenderRow AppendValue(DateTimeOffset value) { _appender.AppendDateTime(value.UtcDateTime); return this; }

    /// <summary>Appends a TIMESTAMPTZ or TIMESTAMP (as UTC), or NULL.</summary>
    public DuckDbAppenderRow AppendValue(DateTimeOffset? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a DATE (or midnight UTC to a timestamp column).</summary>
    public DuckDbAppenderRow AppendValue(DateOnly value) { _appender.AppendDate(value); return this; }

    /// <summary>Appends a DATE, or NULL.</summary>
    public DuckDbAppenderRow AppendValue(DateOnly? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppenderRow AppendValue(TimeSpan value) { _appender.AppendInterval(value); return this; }

    /// <summary>Appends a UUID.</summary>
    public DuckDbAppenderRow AppendValue(Guid value) { _appender.AppendGuid(value); return this; }

    /// <summary>Appends a UUID, or NULL.</summary>
    public DuckDbAppenderRow AppendValue(Guid? value) => value is { } v ? AppendValue(v) : AppendNullValue();

    /// <summary>Appends a VARCHAR[] list, or NULL for null.</summary>
    public DuckDbAppenderRow AppendValue(IReadOnlyList<string?>? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.AppendStrings(value);
        return this;
    }

    /// <summary>Appends a BIGINT[] list, or NULL for null.</summary>
    public DuckDbAppenderRow AppendValue(IReadOnlyList<long>? value)
    {
        if (value is null)
        {
            return AppendNullValue();
        }

        _appender.AppendInt64s(value);
        return this;
    }

    /// <summary>Ends the row; throws when it has fewer values than the table has columns.</summary>
    public void EndRow() => _appender.EndRow();
}
