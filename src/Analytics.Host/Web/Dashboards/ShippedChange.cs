namespace Analytics.Host.Web.Dashboards;

/// <summary>One change behind a team's median lead time: a pull or merge request, or a commit pushed on its own.</summary>
public sealed record ShippedChange(
    string ChangeId,
    string Kind,
    string ServiceId,
    string? Repository,
    string? Title,
    string? Sha,
    DateTimeOffset FirstCommitAt,
    DateTimeOffset? MergedAt,
    DateTimeOffset DeployedAt,
    string? DeploymentId,
    string? LinkedBy,
    string Source,
    double LeadTimeHours)
{
    /// <summary>The pull request, merge request or commit in the source system, where Pulse can tell (see <see cref="SourceLinks"/>).</summary>
    public Uri? Url { get; init; }
}
