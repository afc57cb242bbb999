namespace Analytics.Core.Metrics.Adoption;

/// <summary>Engineers outside the platform team contributing to platform repositories.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Engineers">Engineers outside the platform team.</param>
/// <param name="Contributors">Of those, with a merged change to a platform repository.</param>
/// <param name="Share">From 0 to 1.</param>
public sealed record ParticipatoryAdoption(
    DateOnly PeriodStart,
    long Engineers,
    long Contributors,
    double Share);
