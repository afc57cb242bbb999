namespace Analytics.Core.Seeding;

/// <summary>How many rows the generator wrote, per table.</summary>
public sealed record SeedSummary(IReadOnlyDictionary<string, long> RowsByTable)
{
    /// <summary>All rows written.</summary>
    public long TotalRows => RowsByTable.Values.Sum();
}
