namespace Analytics.Core.Metrics.Dora;

/// <summary>Change failure rate: the share of production deployments that failed.</summary>
/// <param name="Level">organisation, team or service.</param>
/// <param name="TeamId">The team.</param>
/// <param name="ServiceId">The service.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Deployments">Production deployments (rollbacks excluded).</param>
/// <param name="FailedDeployments">Deployments that failed.</param>
/// <param name="FailedByInferredLink">Failures known only through an inferred incident link.</param>
/// <param name="Rate">FailedDeployments ÷ Deployments, from 0 to 1; null when nothing was deployed.</param>
/// <param name="UnattributedIncidents">Incidents opened in the period that no deployment could be attributed to.</param>
public sealed record ChangeFailureRate(
    string Level,
    string? TeamId,
    string? ServiceId,
    DateOnly PeriodStart,
    long Deployments,
    long FailedDeployments,
    long FailedByInferredLink,
    double? Rate,
    long UnattributedIncidents);
