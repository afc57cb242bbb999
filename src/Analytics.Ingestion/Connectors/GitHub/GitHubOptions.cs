namespace Analytics.Ingestion.Connectors.GitHub;

/// <summary>The GitHub source (configuration section <c>Pulse:Sources:GitHub</c>); the token is never logged.</summary>
public sealed class GitHubOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Sources:GitHub";

    /// <summary>The REST API's base address (GitHub Enterprise: <c>https://host/api/v3/</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>A token with read access to deployments, Actions and pull requests (environment: <c>Pulse__Sources__GitHub__Token</c>).</summary>
    public string? Token { get; set; }

    /// <summary>How far back the first sync reads.</summary>
    public int FirstSyncDays { get; set; } = 90;

    /// <summary>How far before the watermark a sync looks again, to pick up late status changes.</summary>
    public int OverlapHours { get; set; } = 24;

    /// <summary>Workflows whose runs count as deployments (in every catalogued repository); empty for none.</summary>
    public IList<GitHubWorkflowDeployment> DeploymentWorkflows { get; } = [];

    /// <summary>Whether merged pull requests and their commits are pulled (for lead time).</summary>
    public bool PullRequests { get; set; } = true;
}
