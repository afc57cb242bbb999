namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// An incident attributed to a failed release, and how (docs/metrics.md): <c>deployment</c> or <c>commit</c> when
/// the incident named its cause (explicit), <c>inferred</c> when it followed a deployment of its service within the window.
/// </summary>
public sealed record AttributedIncident(
    string DeploymentId,
    string IncidentId,
    string Title,
    string Severity,
    string? ServiceId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    string Source,
    string AttributedBy)
{
    /// <summary>Whether the incident named its cause, rather than the link being inferred.</summary>
    public bool Explicit => AttributedBy != "inferred";

    /// <summary>The incident in the source system, where Pulse can tell.</summary>
    public Uri? Url { get; init; }
}
