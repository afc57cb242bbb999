using System.Text.Json.Serialization;
using Analytics.Core.Delivery;

namespace Analytics.Ingestion.Sources.GitHub;

/// <summary>
/// Maps GitHub Actions workflow runs (<c>GET /repos/{owner}/{repo}/actions/runs</c>) to deployments, for teams that
/// deploy from a workflow instead of the deployments API. Only runs of configured workflows count, and only those
/// that reached production or failed trying: a cancelled or skipped run changed nothing.
/// </summary>
public static class GitHubWorkflowRunMapper
{
    /// <summary>A page of runs.</summary>
    public sealed record GitHubWorkflowRunPage(
        [property: JsonPropertyName("total_count")] int TotalCount,
        [property: JsonPropertyName("workflow_runs")] IReadOnlyList<GitHubWorkflowRun> WorkflowRuns);

    /// <summary>A workflow run (only the fields Pulse reads).</summary>
    public sealed record GitHubWorkflowRun(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("head_sha")] string HeadSha,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
        [property: JsonPropertyName("conclusion")] string? Conclusion = null,
        [property: JsonPropertyName("run_started_at")] DateTimeOffset? RunStartedAt = null,
        [property: JsonPropertyName("actor")] GitHubDeploymentMapper.GitHubUser? Actor = null);

    /// <summary>Reads a page of runs.</summary>
    public static GitHubWorkflowRunPage ReadPage(Stream json) => SourceJson.Read<GitHubWorkflowRunPage>(json, "workflow runs page");

    /// <summary>Whether a run belongs to a workflow named by its file (<c>deploy.yml</c>) or its name (<c>Deploy</c>).</summary>
    public static bool IsOf(GitHubWorkflowRun run, string workflow) =>
        run.Path.EndsWith("/" + workflow, StringComparison.OrdinalIgnoreCase) || string.Equals(run.Name, workflow, StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps a finished run to a deployment to <paramref name="environment"/>; null for a run that deployed nothing.</summary>
    public static Deployment? Map(string serviceId, GitHubWorkflowRun run, string environment, Func<string?, string?> engineerByLogin)
    {
        if (run.Status != "completed")
        {
            return null;
        }

        var status = run.Conclusion switch
        {
            "success" => "success",
            "failure" or "timed_out" or "startup_failure" => "failure",
            "cancelled" or "skipped" or "neutral" or "stale" or "action_required" => null,
            var other => throw new FormatException($"Workflow run {run.Id} has an unknown conclusion '{other}'."),
        };
        return status is null
            ? null
            : new Deployment($"github-run:{run.Id}", serviceId, GitHubDeploymentMapper.NormaliseEnvironment(environment, null), run.HeadSha,
                run.RunStartedAt ?? run.CreatedAt, run.UpdatedAt, status, false, false, true, engineerByLogin(run.Actor?.Login), "github");
    }
}
