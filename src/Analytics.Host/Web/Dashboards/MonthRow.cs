namespace Analytics.Host.Web.Dashboards;

/// <summary>One month of a team's delivery trend.</summary>
public sealed record MonthRow(DateOnly Month, long Deployments, double? DeploysPerDay, double? LeadTimeHours, double? ChangeFailureRate, double? RecoveryHours);
