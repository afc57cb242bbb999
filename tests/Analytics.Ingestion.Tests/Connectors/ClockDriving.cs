using Microsoft.Extensions.Time.Testing;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>Moves a fake clock on while work waits on it (a backoff, a rate-limit reset), as real time would pass.</summary>
public static class ClockDriving
{
    /// <summary>Advances the clock a tenth of a second at a time until <paramref name="work"/> is done; returns its result.</summary>
    public static async Task<T> AdvanceUntilDone<T>(this FakeTimeProvider clock, Task<T> work)
    {
        while (!work.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            // A real pause, however short, lets the work reach its next wait on the clock before the clock moves
            // again (Task.Yield raced ahead of it: a timed-out attempt was never retried); a millisecond rather than
            // ten, since the backoff test takes thousands of steps.
            await Task.Delay(1);
        }

        return await work;
    }
}
