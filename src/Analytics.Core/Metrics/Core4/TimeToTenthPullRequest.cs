namespace Analytics.Core.Metrics.Core4;

/// <summary>DX Core 4 onboarding: days from start date to the 10th merged pull request, for one cohort of new engineers.</summary>
/// <param name="Level"><c>organisation</c> or <c>team</c>.</param>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="CohortStart">First day of the period the engineers started in.</param>
/// <param name="Starters">Engineers who started in it.</param>
/// <param name="Reached">Of them, those who have merged a 10th pull request.</param>
/// <param name="Suppressed">True when fewer than k reached it: the days are then not shown, since they would describe individuals.</param>
/// <param name="MedianDays">Median days over those who reached it; null when suppressed.</param>
/// <param name="P75Days">75th percentile days; null when suppressed.</param>
public sealed record TimeToTenthPullRequest(
    string Level,
    string? TeamId,
    DateOnly CohortStart,
    long Starters,
    long Reached,
    bool Suppressed,
    double? MedianDays,
    double? P75Days);
