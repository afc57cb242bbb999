namespace Analytics.Core.Metrics.Dora;

/// <summary>Successful production deployments in a period (a retried deployment of the same commit counts once).</summary>
/// <param name="Level">organisation, team or service.</param>
/// <param name="TeamId">The team, for team and service rows.</param>
/// <param name="ServiceId">The service, for service rows.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Deployments">Deployments that reached production.</param>
/// <param name="Days">Days of the period inside the requested range.</param>
public sealed record DeploymentFrequency(
    string Level,
    string? TeamId,
    string? ServiceId,
    DateOnly PeriodStart,
    long Deployments,
    long Days);
