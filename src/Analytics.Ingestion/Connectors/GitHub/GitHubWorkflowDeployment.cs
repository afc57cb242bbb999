namespace Analytics.Ingestion.Connectors.GitHub;

/// <summary>A workflow whose successful runs are deployments, for repositories that deploy from GitHub Actions.</summary>
public sealed class GitHubWorkflowDeployment
{
    /// <summary>The workflow's file (<c>deploy.yml</c>) or name (<c>Deploy to production</c>).</summary>
    public string Workflow { get; set; } = "";

    /// <summary>The environment its runs deploy to.</summary>
    public string Environment { get; set; } = "production";
}
