namespace Analytics.Surveys.Administration;

/// <summary>A per-engineer survey link, as exported once to CSV (only its hash is kept).</summary>
/// <param name="EngineerId">Who it is for.</param>
/// <param name="DisplayName">Their name.</param>
/// <param name="Email">Their address, if known.</param>
/// <param name="Team">Their team's name.</param>
/// <param name="Link">The full link.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record InvitationLink(string EngineerId, string DisplayName, string? Email, string Team, string Link, DateTimeOffset ExpiresAt);
