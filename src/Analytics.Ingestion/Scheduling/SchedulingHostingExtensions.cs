using Analytics.Ingestion.Connectors;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Ingestion.Scheduling;

/// <summary>Schedules source syncs with Quartz.NET inside the service.</summary>
public static class SchedulingHostingExtensions
{
    /// <summary>The job of a source, for "run now".</summary>
    public static JobKey JobOf(string source) => new($"sync-{source}", "sources");

    /// <summary>
    /// Adds one durable sync job per source and, where <c>Pulse:Sources:&lt;Source&gt;:Cron</c> is set (a Quartz
    /// cron expression, for example <c>0 0 2 * * ?</c> for 02:00 daily), its trigger.
    /// </summary>
    public static IHostApplicationBuilder AddPulseScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var (source, section, _) in SourceCatalog.All)
            {
                var job = JobOf(source);
                quartz.AddJob<SourceSyncJob>(j => j.WithIdentity(job).StoreDurably().UsingJobData(SourceSyncJob.SourceKey, source));
                if (builder.Configuration[$"{section}:Cron"] is { Length: > 0 } cron)
                {
                    quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"sync-{source}-cron", "sources").WithCronSchedule(cron));
                }
            }
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
