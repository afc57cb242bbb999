using Analytics.DuckDb;

namespace Analytics.Core.Storage;

/// <summary>A record stored as one row of a table, written column by column in the table's order.</summary>
public interface IStoredRow
{
    /// <summary>The table the record is stored in.</summary>
    static abstract string Table { get; }

    /// <summary>Writes every column of the row, in the table's column order.</summary>
    void AppendTo(DuckDbAppenderRow row);
}
