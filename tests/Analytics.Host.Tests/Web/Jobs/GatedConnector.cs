using Analytics.Core.Storage;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Import;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>A source that fails or waits as a test scripts it, counting its syncs; it stores nothing.</summary>
public sealed class GatedConnector(string name) : ISourceConnector
{
    private int _syncs;

    public string Name => name;

    public string? MissingSetting => null;

    public int Syncs => Volatile.Read(ref _syncs);

    /// <summary>Failures to throw, one per sync, before syncs succeed.</summary>
    public Queue<Exception> Failures { get; } = new();

    /// <summary>When set, a sync waits for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _syncs);
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        lock (Failures)
        {
            if (Failures.TryDequeue(out var failure))
            {
                throw failure;
            }
        }

        return new ImportResult(Guid.NewGuid(), 0, 0, []);
    }
}
