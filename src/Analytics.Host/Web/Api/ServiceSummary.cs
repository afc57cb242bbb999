namespace Analytics.Host.Web.Api;

/// <summary>A service of the catalog, as <c>GET /api/v1/services</c> lists it.</summary>
public sealed record ServiceSummary(string ServiceId, string Name, string TeamId, string? Repository, string Lifecycle, bool IsPlatformOwned, DateOnly? OnboardedOn);
