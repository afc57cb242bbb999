using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Sources.GitHub;

/// <summary>What a merged pull request carries for the AI-assisted rule (<see cref="PullRequestSignals"/>), keyed by the change ids <see cref="GitHubPullRequestMapper"/> gives.</summary>
public static class GitHubChangeSignals
{
    /// <summary>The signals of a pull request and its commits; none for one not merged.</summary>
    public static IEnumerable<ChangeSignal> Of(string repository, GitHubPullRequestMapper.GitHubPullRequest pull, IReadOnlyList<GitHubPullRequestMapper.GitHubCommit> commits) =>
        pull.MergedAt is null
            ? []
            : PullRequestSignals.Of($"github:{repository}#{pull.Number}", pull.User?.Login, commits.Select(c => ($"github:{repository}@{c.Sha}", c.Commit.Message)));
}
