namespace Analytics.Core.Metrics.Dora;

/// <summary>
/// Where lead time goes: median hours per stage of the value stream. Stages are never negative: moments recorded
/// out of order are lined up first (see docs/metrics.md, "Lead-time stages").
/// </summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Changes">Pull requests shipped.</param>
/// <param name="CodingHours">First commit → opened.</param>
/// <param name="PickupHours">Opened → first review.</param>
/// <param name="ReviewHours">First review → merged.</param>
/// <param name="DeployHours">Merged → in production.</param>
public sealed record LeadTimeStages(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    long Changes,
    double? CodingHours,
    double? PickupHours,
    double? ReviewHours,
    double? DeployHours);
