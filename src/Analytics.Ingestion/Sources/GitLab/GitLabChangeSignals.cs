using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Sources.GitLab;

/// <summary>
/// What a merged merge request carries for the AI-assisted rule besides its labels: the username of who opened it
/// (an agent account is no engineer, so its change has no author id) and the trailers of each commit's message.
/// </summary>
public static class GitLabChangeSignals
{
    /// <summary>The signals of a merge request and its commits, keyed by the change ids <see cref="GitLabMapper"/> gives them.</summary>
    public static IEnumerable<ChangeSignal> Of(string project, GitLabMapper.GitLabMergeRequest request, IReadOnlyList<GitLabMapper.GitLabCommit> commits)
    {
        if (request.MergedAt is null)
        {
            yield break;
        }

        if (request.Author?.Username is { Length: > 0 } username)
        {
            yield return new ChangeSignal($"gitlab:{project}!{request.Iid}", ChangeSignal.Author, username.ToLowerInvariant());
        }

        foreach (var commit in commits)
        {
            // GitLab's own `trailers` object keeps one value per key, so two Co-authored-by lines would lose one.
            foreach (var trailer in CommitTrailers.Of(commit.Message ?? commit.Title).Distinct(StringComparer.Ordinal))
            {
                yield return new ChangeSignal($"gitlab:{project}@{commit.Id}", ChangeSignal.Trailer, trailer);
            }
        }
    }
}
