namespace Analytics.Host.Web.Dashboards;

/// <summary>The five DORA figures of one team or service for the period.</summary>
public sealed record DeliveryRow(
    string Id,
    string Name,
    string? TeamId,
    long Deployments,
    double? DeploysPerDay,
    double? LeadTimeHours,
    double? ChangeFailureRate,
    double? RecoveryHours,
    double? ReworkRate,
    string? Level);
