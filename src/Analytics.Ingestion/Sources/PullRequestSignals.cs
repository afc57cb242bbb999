using Analytics.Core.Assistants;

namespace Analytics.Ingestion.Sources;

/// <summary>
/// What a merged pull or merge request carries for the AI-assisted rule besides its labels, whatever the source: the
/// login of who opened it (an agent account is no engineer, so its change has no author id) and the trailers of each
/// commit's message, each on its own change row.
/// </summary>
public static class PullRequestSignals
{
    /// <summary>The opener's login (lower case) on the request's change, then each commit's distinct trailers on the commit's change.</summary>
    public static IEnumerable<ChangeSignal> Of(string changeId, string? openerLogin, IEnumerable<(string ChangeId, string Message)> commits)
    {
        if (openerLogin is { Length: > 0 })
        {
            yield return new ChangeSignal(changeId, ChangeSignal.Author, openerLogin.ToLowerInvariant());
        }

        foreach (var (commitChangeId, message) in commits)
        {
            foreach (var trailer in CommitTrailers.Of(message).Distinct(StringComparer.Ordinal))
            {
                yield return new ChangeSignal(commitChangeId, ChangeSignal.Trailer, trailer);
            }
        }
    }
}
