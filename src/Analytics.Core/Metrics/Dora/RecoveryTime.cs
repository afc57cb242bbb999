namespace Analytics.Core.Metrics.Dora;

/// <summary>Failed deployment recovery time, in hours.</summary>
/// <param name="Level">organisation, team or service.</param>
/// <param name="TeamId">The team.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Recovered">Failures recovered.</param>
/// <param name="NotRecovered">Failures not recovered yet (left out of the medians).</param>
/// <param name="MedianHours">Median hours to recover.</param>
/// <param name="P90Hours">90th percentile hours.</param>
public sealed record RecoveryTime(
    string Level,
    string? TeamId,
    string? ServiceId,
    DateOnly PeriodStart,
    long Recovered,
    long NotRecovered,
    double? MedianHours,
    double? P90Hours);
