using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingestion.Scheduling;

/// <summary>
/// Registers every <see cref="RecurringJobDefinition"/> at start, and removes recurring jobs that configuration no
/// longer has (an unscheduled or removed source), so a shared job store always matches the configuration.
/// </summary>
public sealed partial class RecurringJobRegistrar(IEnumerable<RecurringJobDefinition> definitions, IRecurringJobManager manager, JobStorage storage, ILogger<RecurringJobRegistrar> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduled = definitions.Where(d => d.Cron is not null).ToList();
        foreach (var definition in scheduled)
        {
            manager.AddOrUpdate(definition.Id, definition.Job, definition.Cron!, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            LogScheduled(definition.Id, definition.Cron!);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => scheduled.All(d => d.Id != r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
            LogRemoved(stale.Id);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Job} on '{Cron}' (UTC)")]
    private partial void LogScheduled(string job, string cron);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed the recurring job {Job}: configuration no longer schedules it")]
    private partial void LogRemoved(string job);
}
