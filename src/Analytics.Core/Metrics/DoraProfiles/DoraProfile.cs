namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>A team's DORA 2025 profile for a quarter, or the reason it has none.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="PeriodStart">First day of the quarter.</param>
/// <param name="Profile">The nearest profile's key; null with a reason.</param>
/// <param name="ProfileName">The nearest profile's name.</param>
/// <param name="Distance">Euclidean distance from the team's standard scores to that profile's centre.</param>
/// <param name="Scores">The team's standard score per construct (<see cref="DoraProfileConstructs.All"/> order); null with a reason.</param>
/// <param name="Reason">Why there is no profile.</param>
public sealed record DoraProfile(
    string TeamId,
    DateOnly PeriodStart,
    string? Profile,
    string? ProfileName,
    double? Distance,
    IReadOnlyList<double>? Scores,
    string? Reason);
