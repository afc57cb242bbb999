namespace Analytics.Host.ApiKeys;

/// <summary>A key for machine clients of the read-only API, as listed (the key itself is never kept).</summary>
public sealed record ApiKey(string KeyId, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    /// <summary>Whether calls with this key are still accepted.</summary>
    public bool IsActive => RevokedAt is null;
}
