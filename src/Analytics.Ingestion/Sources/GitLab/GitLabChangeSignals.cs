using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Sources.GitLab;

/// <summary>What a merged merge request carries for the AI-assisted rule (<see cref="PullRequestSignals"/>), keyed by the change ids <see cref="GitLabMapper"/> gives.</summary>
public static class GitLabChangeSignals
{
    /// <summary>The signals of a merge request and its commits; none for one not merged.</summary>
    public static IEnumerable<ChangeSignal> Of(string project, GitLabMapper.GitLabMergeRequest request, IReadOnlyList<GitLabMapper.GitLabCommit> commits) =>
        request.MergedAt is null
            ? []
            // The whole message: GitLab's own `trailers` object keeps one value per key, so a second Co-authored-by would be lost.
            : PullRequestSignals.Of($"gitlab:{project}!{request.Iid}", request.Author?.Username, commits.Select(c => ($"gitlab:{project}@{c.Id}", c.Message ?? c.Title)));
}
