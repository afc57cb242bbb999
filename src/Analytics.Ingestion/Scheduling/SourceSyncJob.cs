using Analytics.Core.Storage;
using Analytics.Ingestion.Connectors;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Syncs one source (one of <see cref="SourceCatalog"/>) as a Hangfire job: on its schedule, from "Run now", and on
/// retry. A lock per source in the job store keeps each source to one run at a time, across every replica that
/// shares the store; a run that finds its source busy is skipped, since the one in flight reads the same changes.
/// The run is recorded in <c>ingestion_runs</c> by the connector, whatever the outcome.
/// </summary>
public sealed partial class SourceSyncJob(PulseDatabase database, IEnumerable<ISourceConnector> connectors, JobStorage storage, ILogger<SourceSyncJob> logger)
{
    /// <summary>The recurring job of a source, for example <c>sync-github</c>.</summary>
    public static string RecurringJobId(string source) => $"sync-{source}";

    /// <summary>Syncs <paramref name="source"/>; failures are thrown so Hangfire records them (and retries transient ones).</summary>
    /// <param name="source">The source name, for example <c>github</c>.</param>
    /// <param name="trigger">Recorded with the run: <c>schedule</c> or <c>manual</c>.</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    /// <returns>True when it ran, false when another run of the source was in flight.</returns>
    public async Task<bool> RunAsync(string source, string trigger, CancellationToken cancellationToken)
    {
        var connector = connectors.FirstOrDefault(c => c.Name == source) ?? throw new JobConfigurationException($"There is no source '{source}' to sync.");
        using var storageConnection = storage.GetConnection();
        using var held = TryLock(storageConnection, source);
        if (held is null)
        {
            LogBusy(source);
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var result = await connector.SyncAsync(connection, trigger, cancellationToken);
        LogSynced(source, result.Inserted, result.Updated, result.Rejected.Count);
        return true;
    }

    private static IDisposable? TryLock(IStorageConnection connection, string source)
    {
        try
        {
            return connection.AcquireDistributedLock($"pulse:sync:{source}", TimeSpan.Zero);
        }
        catch (Exception error) when (error is DistributedLockTimeoutException || error.GetType().Name.Contains("DistributedLock", StringComparison.Ordinal))
        {
            // Hangfire.PostgreSql throws its own internal lock exception type rather than Hangfire's.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source}: {Inserted} inserted, {Updated} updated, {Rejected} rejected")]
    private partial void LogSynced(string source, long inserted, long updated, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped a {Source} sync: another one is running")]
    private partial void LogBusy(string source);
}
