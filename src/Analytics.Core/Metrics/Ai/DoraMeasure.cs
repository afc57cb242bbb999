namespace Analytics.Core.Metrics.Ai;

/// <summary>A DORA figure compared before and after adoption: its name, unit, and which way is better.</summary>
/// <param name="Name">lead_time, change_failure_rate, deployment_frequency or recovery_time.</param>
/// <param name="Unit">hours, share (0 to 1) or per week.</param>
/// <param name="LowerIsBetter">Whether a fall is an improvement.</param>
public sealed record DoraMeasure(string Name, string Unit, bool LowerIsBetter)
{
    /// <summary>Median lead time of a team's shipped changes in a quarter, hours.</summary>
    public static readonly DoraMeasure LeadTime = new("lead_time", "hours", true);

    /// <summary>A team's change failure rate in a quarter, 0 to 1.</summary>
    public static readonly DoraMeasure ChangeFailureRate = new("change_failure_rate", "share", true);

    /// <summary>A team's production deployments per week in a quarter.</summary>
    public static readonly DoraMeasure DeploymentFrequency = new("deployment_frequency", "per week", false);

    /// <summary>Median recovery time of a team's failed deployments in a quarter, hours.</summary>
    public static readonly DoraMeasure RecoveryTime = new("recovery_time", "hours", true);

    /// <summary>The four, in the order they are shown.</summary>
    public static readonly IReadOnlyList<DoraMeasure> All = [LeadTime, ChangeFailureRate, DeploymentFrequency, RecoveryTime];
}
