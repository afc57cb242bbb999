namespace Analytics.Surveys.Administration;

/// <summary>An engineer a wave invites.</summary>
/// <param name="EngineerId">Key.</param>
/// <param name="DisplayName">Name.</param>
/// <param name="Email">Address, if known.</param>
/// <param name="TeamId">Team key.</param>
/// <param name="TeamName">Team name.</param>
internal sealed record AudienceMember(string EngineerId, string DisplayName, string? Email, string TeamId, string TeamName);
