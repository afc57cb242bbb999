
namespace Analytics.Core.Storage;

/// <summary>A record stored as one row of a table, written column by column in the table's order.</summary>
public interface IStoredRow
{
    /// <summary>The table the record is stored in.</summary>
    static abstract string Table { get; }

    /// <summary>
    /// Columns the database derives after a load (links, releases): an incoming NULL there is the value not yet
    /// derived, not a change, when an upsert counts the rows it updated.
    /// </summary>
    static virtual IReadOnlyCollection<string> DerivedColumns => [];

    /// <summary>
    /// Columns the load normalises after it stores them, each with the SQL macro that normalises an incoming value,
    /// so that an upsert compares the value as it will be stored.
    /// </summary>
    static virtual IReadOnlyDictionary<string, string> NormalisedColumns => new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Writes every column of the row, in the table's column order.</summary>
    void AppendTo(PulseAppenderRow row);
}
