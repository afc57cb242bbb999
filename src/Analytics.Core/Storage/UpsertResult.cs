namespace Analytics.Core.Storage;

/// <summary>What an upsert changed: rows new to the table, and rows that replaced a row with the same key.</summary>
public sealed record UpsertResult(long Inserted, long Updated)
{
    /// <summary>Adds two results.</summary>
    public static UpsertResult operator +(UpsertResult left, UpsertResult right) => new(left.Inserted + right.Inserted, left.Updated + right.Updated);
}
