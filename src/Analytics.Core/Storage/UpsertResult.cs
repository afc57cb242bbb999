namespace Analytics.Core.Storage;

/// <summary>
/// What an upsert changed: rows new to the table, rows that replaced a row with the same key, and incoming rows
/// left out because they were older than what is stored (only where the caller asks for that check).
/// </summary>
public sealed record UpsertResult(long Inserted, long Updated, long Ignored = 0)
{
    /// <summary>Adds two results.</summary>
    public static UpsertResult operator +(UpsertResult left, UpsertResult right) =>
        new(left.Inserted + right.Inserted, left.Updated + right.Updated, left.Ignored + right.Ignored);
}
