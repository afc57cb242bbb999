using DuckDB.NET.Data;

namespace Analytics.Core.Storage;

/// <summary>
/// Bulk-loads rows into a table through DuckDB.NET's appender, writing every timestamp as UTC. A value of the
/// wrong type or a row with the wrong number of values is refused at once and that row is dropped; the rows
/// before it stay. <see cref="Dispose"/> writes what is buffered (and reports constraint violations).
/// </summary>
public sealed class PulseAppender : IDisposable
{
    private readonly DuckDBAppender _appender;
    private readonly string _table;

    internal PulseAppender(DuckDBAppender appender, string table)
    {
        _appender = appender;
        _table = table;
    }

    /// <summary>Starts a row; give it one value per column in table order, then call <see cref="PulseAppenderRow.EndRow"/>.</summary>
    public PulseAppenderRow CreateRow() => new(_appender.CreateRow(), _table);

    /// <summary>Writes the buffered rows and releases the appender.</summary>
    public void Dispose() => _appender.Dispose();
}
