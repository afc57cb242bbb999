using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Sources.GitHub;

/// <summary>
/// What a merged pull request carries for the AI-assisted rule besides its labels: the login of who opened it (an
/// agent account is no engineer, so its change has no author id) and the trailers of each commit's message.
/// </summary>
public static class GitHubChangeSignals
{
    /// <summary>The signals of a pull request and its commits, keyed by the change ids <see cref="GitHubPullRequestMapper"/> gives them.</summary>
    public static IEnumerable<ChangeSignal> Of(string repository, GitHubPullRequestMapper.GitHubPullRequest pull, IReadOnlyList<GitHubPullRequestMapper.GitHubCommit> commits)
    {
        if (pull.MergedAt is null)
        {
            yield break;
        }

        var changeId = $"github:{repository}#{pull.Number}";
        if (pull.User?.Login is { Length: > 0 } login)
        {
            yield return new ChangeSignal(changeId, ChangeSignal.Author, login.ToLowerInvariant());
        }

        foreach (var commit in commits)
        {
            foreach (var trailer in CommitTrailers.Of(commit.Commit.Message).Distinct(StringComparer.Ordinal))
            {
                yield return new ChangeSignal($"github:{repository}@{commit.Sha}", ChangeSignal.Trailer, trailer);
            }
        }
    }
}
