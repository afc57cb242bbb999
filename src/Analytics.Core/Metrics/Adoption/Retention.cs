namespace Analytics.Core.Metrics.Adoption;

/// <summary>Teams active on the platform in the previous period that stayed active.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="ActivePreviously">Teams active in the previous period.</param>
/// <param name="Retained">Of those, active again.</param>
/// <param name="Share">From 0 to 1.</param>
public sealed record Retention(
    DateOnly PeriodStart,
    long ActivePreviously,
    long Retained,
    double? Share);
