namespace Analytics.Core.Metrics.Dora;

/// <summary>
/// The DORA 2025 bucket of each of a team's five metrics in a period (null where the metric has no value, or when
/// the configured report year has no buckets).
/// </summary>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="DeploymentFrequency">Bucket of the average production deployments per day.</param>
/// <param name="LeadTime">Bucket of the median lead time.</param>
/// <param name="RecoveryTime">Bucket of the median failed deployment recovery time.</param>
/// <param name="ChangeFailureRate">Bucket of the change failure rate.</param>
/// <param name="ReworkRate">Bucket of the deployment rework rate.</param>
public sealed record DoraBuckets(
    string? TeamId,
    DateOnly PeriodStart,
    string? DeploymentFrequency,
    string? LeadTime,
    string? RecoveryTime,
    string? ChangeFailureRate,
    string? ReworkRate);
