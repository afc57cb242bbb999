namespace Analytics.Core.Metrics.Dora;

/// <summary>Change lead time: first commit to running in production, in hours.</summary>
/// <param name="Level">organisation, team or service.</param>
/// <param name="TeamId">The team.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Changes">Changes shipped.</param>
/// <param name="MedianHours">Median hours.</param>
/// <param name="P75Hours">75th percentile hours.</param>
/// <param name="P90Hours">90th percentile hours.</param>
/// <param name="NotDeployed">Changes merged in the period that no release shipped (none within the link window).</param>
public sealed record LeadTime(
    string Level,
    string? TeamId,
    string? ServiceId,
    DateOnly PeriodStart,
    long Changes,
    double? MedianHours,
    double? P75Hours,
    double? P90Hours,
    long NotDeployed = 0);
