namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// A failed production release: how the failure was found (an incident, a rollback, a hotfix), when it started and
/// recovered, and the incidents attributed to it.
/// </summary>
public sealed record FailedDeployment(
    string DeploymentId,
    string ServiceId,
    string? Sha,
    DateTimeOffset DeployedAt,
    bool HasIncident,
    bool Inferred,
    bool RolledBack,
    bool Hotfixed,
    DateTimeOffset FailureStartedAt,
    DateTimeOffset? RecoveredAt,
    double? RecoveryHours,
    string Source,
    string? Repository)
{
    /// <summary>The commit in the source system, where Pulse can tell.</summary>
    public Uri? CommitUrl { get; init; }

    /// <summary>The incidents attributed to this release, earliest first.</summary>
    public IReadOnlyList<AttributedIncident> Incidents { get; init; } = [];
}
