namespace Analytics.Host.ApiKeys;

/// <summary>Names of the API key's authentication scheme and of the policy that requires it.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme of <see cref="ApiKeyAuthentication"/>.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The authorization policy of the read-only API: a valid key.</summary>
    public const string Policy = "api-key";
}
