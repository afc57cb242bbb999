namespace Analytics.Host.ApiKeys;

/// <summary>A key just created: <see cref="Secret"/> is shown this once and cannot be read back later.</summary>
public sealed record CreatedApiKey(string KeyId, string Name, string Secret);
