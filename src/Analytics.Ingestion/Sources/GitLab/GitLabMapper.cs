using System.Text.Json.Serialization;
using Analytics.Core.Delivery;
using Analytics.Ingestion.Sources.GitHub;

namespace Analytics.Ingestion.Sources.GitLab;

/// <summary>
/// Maps GitLab's REST API (v4) to Pulse: project deployments (<c>GET /projects/:id/deployments</c>) to deployments,
/// and merged merge requests (<c>GET /projects/:id/merge_requests?state=merged</c>) with their commits
/// (<c>…/merge_requests/:iid/commits</c>) to changes.
/// </summary>
public static class GitLabMapper
{
    /// <summary>A deployment (only the fields Pulse reads).</summary>
    public sealed record GitLabDeployment(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("sha")] string Sha,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("environment")] GitLabEnvironment Environment,
        [property: JsonPropertyName("user")] GitLabUser? User = null,
        [property: JsonPropertyName("deployable")] GitLabDeployable? Deployable = null);

    /// <summary>The environment deployed to.</summary>
    public sealed record GitLabEnvironment([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("tier")] string? Tier = null);

    /// <summary>The job that deployed.</summary>
    public sealed record GitLabDeployable(
        [property: JsonPropertyName("started_at")] DateTimeOffset? StartedAt = null,
        [property: JsonPropertyName("finished_at")] DateTimeOffset? FinishedAt = null);

    /// <summary>A user.</summary>
    public sealed record GitLabUser([property: JsonPropertyName("username")] string Username);

    /// <summary>A merge request (only the fields Pulse reads).</summary>
    public sealed record GitLabMergeRequest(
        [property: JsonPropertyName("iid")] int Iid,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
        [property: JsonPropertyName("merged_at")] DateTimeOffset? MergedAt = null,
        [property: JsonPropertyName("merge_commit_sha")] string? MergeCommitSha = null,
        [property: JsonPropertyName("squash_commit_sha")] string? SquashCommitSha = null,
        [property: JsonPropertyName("sha")] string? Sha = null,
        [property: JsonPropertyName("author")] GitLabUser? Author = null,
        [property: JsonPropertyName("labels")] IReadOnlyList<string>? Labels = null);

    /// <summary>A commit of a merge request; <paramref name="Message"/> is the whole message, trailers included.</summary>
    public sealed record GitLabCommit(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("authored_date")] DateTimeOffset AuthoredDate,
        [property: JsonPropertyName("message")] string? Message = null);

    /// <summary>Reads a deployments page.</summary>
    public static IReadOnlyList<GitLabDeployment> ReadDeployments(Stream json) => SourceJson.Read<List<GitLabDeployment>>(json, "deployments page");

    /// <summary>Reads a merge requests page.</summary>
    public static IReadOnlyList<GitLabMergeRequest> ReadMergeRequests(Stream json) => SourceJson.Read<List<GitLabMergeRequest>>(json, "merge requests page");

    /// <summary>Reads a merge request's commits page.</summary>
    public static IReadOnlyList<GitLabCommit> ReadCommits(Stream json) => SourceJson.Read<List<GitLabCommit>>(json, "merge request commits page");

    /// <summary>Maps a deployment; null for one that was cancelled or skipped and so changed nothing.</summary>
    public static Deployment? Map(string serviceId, GitLabDeployment deployment, Func<string?, string?> engineerByLogin)
    {
        var status = deployment.Status switch
        {
            "created" or "running" or "blocked" => "in_progress",
            "success" => "success",
            "failed" => "failure",
            "canceled" or "skipped" => null,
            var other => throw new FormatException($"Deployment {deployment.Id} has an unknown status '{other}'."),
        };
        if (status is null)
        {
            return null;
        }

        var environment = deployment.Environment.Tier == "production" ? "production" : GitHubDeploymentMapper.NormaliseEnvironment(deployment.Environment.Name, null);
        DateTimeOffset? finished = status == "in_progress" ? null : deployment.Deployable?.FinishedAt ?? deployment.UpdatedAt;
        return new Deployment($"gitlab:{deployment.Id}", serviceId, environment, deployment.Sha, deployment.Deployable?.StartedAt ?? deployment.CreatedAt,
            finished, status, false, false, true, engineerByLogin(deployment.User?.Username), "gitlab");
    }

    /// <summary>Maps a merged merge request and its commits to changes; an unmerged one yields nothing.</summary>
    public static IEnumerable<Change> Map(string serviceId, string project, GitLabMergeRequest request, IReadOnlyList<GitLabCommit> commits, Func<string?, string?> engineerByLogin)
    {
        if (request.MergedAt is not { } merged)
        {
            yield break;
        }

        var changeId = $"gitlab:{project}!{request.Iid}";
        var author = engineerByLogin(request.Author?.Username);
        var firstCommit = commits.Count == 0 ? (DateTimeOffset?)null : commits.Min(c => c.AuthoredDate);
        IReadOnlyList<string?> labels = request.Labels?.Select(l => (string?)l.ToLowerInvariant()).ToList() ?? [];
        // GitLab reports reviews as approvals and notes on other endpoints; first review stays unknown here.
        yield return new Change(changeId, "pull_request", null, serviceId, project, author, request.Title, labels,
            firstCommit ?? request.CreatedAt, request.CreatedAt, null, merged, request.MergeCommitSha ?? request.SquashCommitSha ?? request.Sha, null, "gitlab");
        foreach (var commit in commits)
        {
            yield return new Change($"gitlab:{project}@{commit.Id}", "commit", changeId, serviceId, project, author, commit.Title, [],
                commit.AuthoredDate, null, null, merged, commit.Id, null, "gitlab");
        }
    }
}
