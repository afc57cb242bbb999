namespace Analytics.Reports.Building;

/// <summary>A team's DORA 2025 line in the report: its bucket per metric and its profile, or why it has none.</summary>
/// <param name="Team">The team's name.</param>
/// <param name="DeploymentFrequency">Deployment frequency bucket.</param>
/// <param name="LeadTime">Lead time bucket.</param>
/// <param name="RecoveryTime">Recovery time bucket.</param>
/// <param name="ChangeFailureRate">Change failure rate bucket.</param>
/// <param name="ReworkRate">Rework rate bucket.</param>
/// <param name="Profile">The profile's name; null when the team has none.</param>
/// <param name="NoProfileReason">Why the team has no profile; null when it has one.</param>
public sealed record Dora2025Row(string Team, string? DeploymentFrequency, string? LeadTime, string? RecoveryTime, string? ChangeFailureRate, string? ReworkRate, string? Profile, string? NoProfileReason);
