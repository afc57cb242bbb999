using Analytics.Ingestion.Connectors;
using Hangfire.States;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Retries a job that failed because its source was unavailable (<see cref="SourceUnavailableException"/>: 5xx,
/// 429, timeouts or refused connections left after the HTTP retries), once per delay. Every other failure — a
/// refused token (401/403), a wrong address (404), bad configuration, a malformed page — stays failed: retrying
/// cannot fix it. It replaces Hangfire's default retry-everything filter (see <see cref="PulseJobFilters"/>).
/// </summary>
public sealed class TransientRetryFilter(IReadOnlyList<TimeSpan> delays) : IElectStateFilter
{
    /// <summary>The job parameter counting retries so far.</summary>
    public const string RetryCountParameter = "RetryCount";

    /// <inheritdoc />
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed || !IsTransient(failed.Exception))
        {
            return;
        }

        var retries = context.GetJobParameter<int>(RetryCountParameter, allowStale: true);
        if (retries >= delays.Count)
        {
            return;
        }

        context.SetJobParameter(RetryCountParameter, retries + 1);
        context.CandidateState = new ScheduledState(delays[retries])
        {
            Reason = $"Retry {retries + 1} of {delays.Count}: {failed.Exception.Message}",
        };
    }

    private static bool IsTransient(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is SourceUnavailableException)
            {
                return true;
            }
        }

        return false;
    }
}
