using System.Collections.Concurrent;
using Analytics.Ingestion.Scheduling;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>
/// <c>Pulse:Jobs:Storage=postgres</c>: two service instances (two hosts, each with its own job server) on one
/// PostgreSQL share one queue and one set of recurring jobs.
/// </summary>
public sealed class SharedPostgresQueueTests(LocalPostgres postgres) : IClassFixture<LocalPostgres>
{
    [PostgresFact]
    public async Task A_job_queued_once_runs_once_across_two_instances()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var run = Guid.NewGuid().ToString("N");
        using var first = await StartAsync(connectionString);
        using var second = await StartAsync(connectionString);

        var client = first.Services.GetRequiredService<IBackgroundJobClient>();
        var ids = Enumerable.Range(0, 20).Select(i => client.Enqueue(() => CountingJob.Run(run, i))).ToList();
        var monitoring = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        for (var attempt = 0; attempt < 300 && monitoring.SucceededListCount() < ids.Count; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(ids.Count, monitoring.SucceededListCount());
        // Each job once: no index is missing and none repeats.
        Assert.Equal(Enumerable.Range(0, 20), CountingJob.Runs.Where(r => r.Run == run).Select(r => r.Index).Order());
        Assert.Equal(2, monitoring.Servers().Count);
        await first.StopAsync();
        await second.StopAsync();
    }

    [PostgresFact]
    public async Task Recurring_jobs_are_shared_and_follow_the_configuration_of_the_latest_start()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using (var first = await StartAsync(connectionString, ("Pulse:Sources:PagerDuty:Cron", "0 2 * * *")))
        using (var second = await StartAsync(connectionString, ("Pulse:Sources:PagerDuty:Cron", "0 2 * * *")))
        {
            using var connection = second.Services.GetRequiredService<JobStorage>().GetConnection();
            Assert.Equal("0 2 * * *", Assert.Single(connection.GetRecurringJobs()).Cron);
            await first.StopAsync();
            await second.StopAsync();
        }

        // A restart whose configuration schedules GitHub instead.
        using var restarted = await StartAsync(connectionString, ("Pulse:Sources:GitHub:Cron", "30 3 * * 1-5"));
        using var after = restarted.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Equal(["sync-github"], after.GetRecurringJobs().Select(r => r.Id));
        await restarted.StopAsync();
    }

    private static async Task<IHost> StartAsync(string connectionString, params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pulse:Jobs:Storage"] = "postgres",
            ["Pulse:Jobs:ConnectionString"] = connectionString,
            ["Pulse:Jobs:PollingInterval"] = "00:00:00.200",
            ["Pulse:Jobs:Workers"] = "2",
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))));
        builder.AddPulseScheduling();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A job that notes each run.</summary>
    public static class CountingJob
    {
        public static ConcurrentBag<(string Run, int Index)> Runs { get; } = [];

        public static void Run(string run, int index) => Runs.Add((run, index));
    }
}
