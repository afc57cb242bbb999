namespace Analytics.Core.Metrics.Onboarding;

/// <summary>Days from start date to first production deployment, for a cohort of new engineers.</summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="CohortStart">First day of the period they started in.</param>
/// <param name="Starters">Engineers who started.</param>
/// <param name="Deployed">Of those, who have deployed.</param>
/// <param name="MedianDays">Median days (between local dates of the configured zone), over those who deployed.</param>
/// <param name="P75Days">75th percentile days.</param>
/// <param name="ShareWithin30Days">Share deploying within 30 local days of starting, of those whose outcome the data shows (see docs/metrics.md, Onboarding).</param>
public sealed record TimeToFirstDeploy(
    string Level,
    string? TeamId,
    DateOnly CohortStart,
    long Starters,
    long Deployed,
    double? MedianDays,
    double? P75Days,
    double? ShareWithin30Days);
