using Analytics.Core.Storage;
using Analytics.Ingestion.Connectors;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Syncs one source (the job's <c>source</c> data, one of <see cref="SourceCatalog"/>) inside the service. One job per source, and
/// Quartz never runs a job twice at once, so each source has at most one run in flight.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SourceSyncJob(PulseDatabase database, IEnumerable<ISourceConnector> connectors, ILogger<SourceSyncJob> logger) : IJob
{
    /// <summary>The job data key naming the source.</summary>
    public const string SourceKey = "source";

    /// <summary>The job data key of the trigger recorded with the run: schedule (the default) or manual.</summary>
    public const string TriggerKey = "trigger";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var source = context.MergedJobDataMap.GetString(SourceKey) ?? throw new JobExecutionException("The sync job has no source.");
        var connector = connectors.FirstOrDefault(c => c.Name == source) ?? throw new JobExecutionException($"There is no source '{source}' to sync.");
        var trigger = context.MergedJobDataMap.GetString(TriggerKey) ?? "schedule";
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            var result = await connector.SyncAsync(connection, trigger, cancellationToken);
            LogSynced(source, result.Inserted, result.Updated, result.Rejected.Count);
        }
        catch (Exception error) when (error is not JobExecutionException and not OperationCanceledException)
        {
            // The run is already recorded as failed; the next trigger tries again from the saved watermark.
            LogFailed(error, source);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source}: {Inserted} inserted, {Updated} updated, {Rejected} rejected")]
    private partial void LogSynced(string source, long inserted, long updated, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Source} failed")]
    private partial void LogFailed(Exception error, string source);
}
