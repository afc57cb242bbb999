namespace Analytics.Core.Metrics.Support;

/// <summary>Support requests to the platform team in a period.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Requests">Requests opened.</param>
/// <param name="Engineers">Engineers employed.</param>
/// <param name="PerHundredEngineersPerMonth">Requests per 100 engineers per month.</param>
/// <param name="MedianFirstResponseHours">Median hours to first response.</param>
/// <param name="MedianResolutionHours">Median hours to resolution.</param>
public sealed record SupportLoad(
    DateOnly PeriodStart,
    long Requests,
    long Engineers,
    double? PerHundredEngineersPerMonth,
    double? MedianFirstResponseHours,
    double? MedianResolutionHours);
