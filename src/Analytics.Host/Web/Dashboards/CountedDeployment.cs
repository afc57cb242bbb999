namespace Analytics.Host.Web.Dashboards;

/// <summary>One deployment behind a team's deployment frequency, with where it came from.</summary>
public sealed record CountedDeployment(
    string DeploymentId,
    string ServiceId,
    string? Sha,
    DateTimeOffset DeployedAt,
    bool IsHotfix,
    bool ViaPlatform,
    string? DeployedBy,
    string Source,
    string? Repository)
{
    /// <summary>The commit in the source system, where Pulse knows it (GitHub repositories as owner/name).</summary>
    public Uri? CommitUrl =>
        Source == "github" && Sha is { Length: > 0 } && Repository is { } repository && repository.Count(c => c == '/') == 1 && !repository.Contains(':', StringComparison.Ordinal)
            ? new Uri($"https://github.com/{repository}/commit/{Uri.EscapeDataString(Sha)}")
            : null;
}
