namespace Analytics.Host.Web.Dashboards;

/// <summary>A production release counted as rework: a rollback, a hotfix, or one that shipped a change labelled as a fix.</summary>
public sealed record ReworkDeployment(
    string DeploymentId,
    string ServiceId,
    string? Sha,
    DateTimeOffset DeployedAt,
    bool IsRollback,
    bool IsHotfix,
    bool ShipsFixChange,
    string Source,
    string? Repository)
{
    /// <summary>The commit in the source system, where Pulse can tell.</summary>
    public Uri? CommitUrl { get; init; }
}
