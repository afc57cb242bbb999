using System.Text.Json.Serialization;
using Analytics.Core.Delivery;

namespace Analytics.Ingestion.Sources.GitHub;

/// <summary>
/// Maps merged pull requests (<c>GET /repos/{owner}/{repo}/pulls?state=closed</c>) with their commits
/// (<c>…/pulls/{number}/commits</c>) and reviews (<c>…/pulls/{number}/reviews</c>) to changes: one change for the
/// pull request and one per commit. Which deployment shipped them is linked afterwards, in SQL.
/// </summary>
public static class GitHubPullRequestMapper
{
    /// <summary>A pull request as GitHub returns it (only the fields Pulse reads).</summary>
    public sealed record GitHubPullRequest(
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("merged_at")] DateTimeOffset? MergedAt = null,
        [property: JsonPropertyName("merge_commit_sha")] string? MergeCommitSha = null,
        [property: JsonPropertyName("user")] GitHubDeploymentMapper.GitHubUser? User = null,
        [property: JsonPropertyName("labels")] IReadOnlyList<GitHubLabel>? Labels = null,
        [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt = null);

    /// <summary>A label.</summary>
    public sealed record GitHubLabel([property: JsonPropertyName("name")] string Name);

    /// <summary>A commit of a pull request.</summary>
    public sealed record GitHubCommit(
        [property: JsonPropertyName("sha")] string Sha,
        [property: JsonPropertyName("commit")] GitHubCommitDetail Commit,
        [property: JsonPropertyName("author")] GitHubDeploymentMapper.GitHubUser? Author = null);

    /// <summary>The git part of a commit.</summary>
    public sealed record GitHubCommitDetail(
        [property: JsonPropertyName("author")] GitHubSignature Author,
        [property: JsonPropertyName("message")] string Message);

    /// <summary>Who made a commit and when.</summary>
    public sealed record GitHubSignature([property: JsonPropertyName("date")] DateTimeOffset Date);

    /// <summary>A review.</summary>
    public sealed record GitHubReview(
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("submitted_at")] DateTimeOffset? SubmittedAt = null);

    /// <summary>Maps a pull request; an unmerged one yields nothing (it never shipped).</summary>
    public static IEnumerable<Change> Map(string serviceId, string repository, GitHubPullRequest pull, IReadOnlyList<GitHubCommit> commits,
        IReadOnlyList<GitHubReview> reviews, Func<string?, string?> engineerByLogin)
    {
        if (pull.MergedAt is not { } merged)
        {
            yield break;
        }

        var changeId = $"github:{repository}#{pull.Number}";
        var author = engineerByLogin(pull.User?.Login);
        var firstCommit = commits.Count == 0 ? (DateTimeOffset?)null : commits.Min(c => c.Commit.Author.Date);
        var firstReview = reviews.Where(r => r.State != "PENDING" && r.SubmittedAt is not null).Min(r => r.SubmittedAt);
        IReadOnlyList<string?> labels = pull.Labels?.Select(l => (string?)l.Name.ToLowerInvariant()).ToList() ?? [];
        yield return new Change(changeId, "pull_request", null, serviceId, repository, author, pull.Title, labels,
            firstCommit ?? pull.CreatedAt, pull.CreatedAt, firstReview, merged, pull.MergeCommitSha, null, "github");

        foreach (var commit in commits)
        {
            var firstLine = commit.Commit.Message.Split('\n', 2)[0];
            yield return new Change($"github:{repository}@{commit.Sha}", "commit", changeId, serviceId, repository,
                engineerByLogin(commit.Author?.Login) ?? author, firstLine, [], commit.Commit.Author.Date, null, null, merged, commit.Sha, null, "github");
        }
    }

    /// <summary>Reads a pull request page.</summary>
    public static IReadOnlyList<GitHubPullRequest> ReadPulls(Stream json) => SourceJson.Read<List<GitHubPullRequest>>(json, "pull request page");

    /// <summary>Reads one pull request's commits, as <c>GET …/pulls/{number}/commits</c> returns them.</summary>
    public static IReadOnlyList<GitHubCommit> ReadCommits(Stream json) => SourceJson.Read<List<GitHubCommit>>(json, "pull request commits page");

    /// <summary>Reads one pull request's reviews, as <c>GET …/pulls/{number}/reviews</c> returns them.</summary>
    public static IReadOnlyList<GitHubReview> ReadReviews(Stream json) => SourceJson.Read<List<GitHubReview>>(json, "pull request reviews page");

    /// <summary>Reads lists keyed by pull request number (commits or reviews).</summary>
    public static IReadOnlyDictionary<string, List<T>> ReadByNumber<T>(Stream json) =>
        SourceJson.Read<Dictionary<string, List<T>>>(json, $"{typeof(T).Name} lists");
}
