namespace Analytics.Surveys;

/// <summary>A team as a survey shows it.</summary>
/// <param name="TeamId">Key.</param>
/// <param name="Name">Display name.</param>
public sealed record TeamName(string TeamId, string Name);
