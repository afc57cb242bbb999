namespace Analytics.Core.Metrics.Dora;

/// <summary>Deployment rework rate: the share of production deployments that were unplanned fixes.</summary>
/// <param name="Level">organisation, team or service.</param>
/// <param name="TeamId">The team.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Deployments">Production deployments.</param>
/// <param name="ReworkDeployments">Rollbacks, hotfixes and deployments of fix changes.</param>
/// <param name="Rate">From 0 to 1.</param>
public sealed record ReworkRate(
    string Level,
    string? TeamId,
    string? ServiceId,
    DateOnly PeriodStart,
    long Deployments,
    long ReworkDeployments,
    double Rate);
