namespace Analytics.Core.Metrics.Dora;

/// <summary>
/// A team's DORA performance level for a period: the level each key metric reaches, and the overall level, the
/// rounded-down mean of the metric ranks (a team is not elite overall on one elite metric).
/// </summary>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="DeploysPerDay">Average production deployments per day.</param>
/// <param name="LeadTimeHours">Median lead time, when changes shipped.</param>
/// <param name="ChangeFailureRate">Change failure rate, when anything was deployed.</param>
/// <param name="RecoveryHours">Median recovery time, when something failed and recovered.</param>
/// <param name="FrequencyLevel">Level of the deployment frequency.</param>
/// <param name="LeadTimeLevel">Level of the lead time; null without data.</param>
/// <param name="ChangeFailureLevel">Level of the change failure rate; null without data.</param>
/// <param name="RecoveryLevel">Level of the recovery time; null without failures.</param>
/// <param name="Overall">The overall level.</param>
public sealed record DoraLevel(
    string? TeamId,
    DateOnly PeriodStart,
    double DeploysPerDay,
    double? LeadTimeHours,
    double? ChangeFailureRate,
    double? RecoveryHours,
    string FrequencyLevel,
    string? LeadTimeLevel,
    string? ChangeFailureLevel,
    string? RecoveryLevel,
    string Overall);
