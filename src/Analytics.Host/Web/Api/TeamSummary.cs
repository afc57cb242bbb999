namespace Analytics.Host.Web.Api;

/// <summary>A team of the catalog, as <c>GET /api/v1/teams</c> lists it.</summary>
public sealed record TeamSummary(string TeamId, string Name, string? ParentTeamId, bool IsPlatformTeam);
