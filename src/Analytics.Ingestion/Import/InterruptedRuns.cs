using System.Diagnostics;
using System.Globalization;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Import;

/// <summary>
/// Closes, as failed with the reason, runs still marked running whose process has ended. Every start (the
/// service and each command line) does this; runs of a live process, such as the service while the command line
/// runs, are left alone.
/// </summary>
public static class InterruptedRuns
{
    private static readonly TimeSpan StartTimeAllowance = TimeSpan.FromSeconds(5);

    /// <summary>Closes the runs whose process is gone, as finished now on <paramref name="clock"/>; returns how many it closed.</summary>
    public static async Task<int> CloseAsync(PulseConnection connection, TimeProvider clock, CancellationToken cancellationToken)
    {
        var running = await connection.QueryAsync<RunningRun>(new CommandDefinition(SqlQueries.Get("ingestion/running_runs"), cancellationToken: cancellationToken));
        var closed = 0;
        foreach (var run in running.Where(r => !IsAlive(r)))
        {
            var reason = run.ProcessId is { } pid
                ? string.Create(CultureInfo.InvariantCulture, $"interrupted: process {pid} ended during the run (killed or crashed)")
                : "interrupted: the process stopped during the run";
            closed += await connection.ExecuteAsync(new CommandDefinition(SqlQueries.Get("ingestion/mark_interrupted_runs"),
                new { run_id = run.RunId, reason, finished_at = clock.GetUtcNow() }, cancellationToken: cancellationToken));
        }

        return closed;
    }

    /// <summary>
    /// Whether the run's process still runs. A process started after the run did cannot be its owner: the system
    /// has given the ended owner's id to a new process. The allowance covers the coarse start times Linux reports.
    /// </summary>
    private static bool IsAlive(RunningRun run)
    {
        if (run.ProcessId is not { } pid)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime() <= run.StartedAt.UtcDateTime + StartTimeAllowance;
        }
        catch (ArgumentException)
        {
            return false; // no process has this id
        }
        catch (InvalidOperationException)
        {
            return false; // it ended while we looked
        }
    }

    private sealed record RunningRun(Guid RunId, int? ProcessId, DateTimeOffset StartedAt);
}
