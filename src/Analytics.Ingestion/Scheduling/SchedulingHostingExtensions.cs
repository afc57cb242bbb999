using Analytics.Ingestion.Connectors;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Ingestion.Scheduling;

/// <summary>Runs the service's background jobs with Hangfire.</summary>
public static class SchedulingHostingExtensions
{
    /// <summary>
    /// Adds Hangfire with the storage of <c>Pulse:Jobs</c> (<see cref="JobOptions"/>), a job server unless
    /// <c>RunJobs</c> is false, retries for transient source failures only, and one recurring sync per source whose
    /// <c>Pulse:Sources:&lt;Source&gt;:Cron</c> is set. Other features add their own <see cref="RecurringJobDefinition"/>s.
    /// </summary>
    /// <exception cref="JobConfigurationException">A job setting or a schedule is invalid.</exception>
    public static IHostApplicationBuilder AddPulseScheduling(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();
        options.Validate();
        foreach (var (source, section, _) in SourceCatalog.All)
        {
            builder.Services.AddSingleton(new RecurringJobDefinition(SourceSyncJob.RecurringJobId(source), $"{section}:Cron", builder.Configuration[$"{section}:Cron"],
                Job.FromExpression<SourceSyncJob>(job => job.RunAsync(source, "schedule", CancellationToken.None))));
        }

        // Registered before AddHangfire, whose own registrations of these only apply when none exists. The storage
        // is made once this host has configured Hangfire's process-wide settings (its log provider among them).
        builder.Services.AddSingleton(services =>
        {
            services.GetRequiredService<IGlobalConfiguration>();
            return CreateStorage(options);
        });
        builder.Services.AddSingleton<IJobFilterProvider>(new PulseJobFilters(new TransientRetryFilter(options.RetryDelays)));
        // Hangfire's own registration hands out the process-wide JobActivator.Current, which the host that last
        // configured Hangfire set: with two hosts in one process (the web tests run many at once) one host's server
        // could build its jobs from the other host's services. Each host activates jobs from its own.
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostTolerantLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>()))));
        if (options.RunJobs)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.Workers;
                server.SchedulePollingInterval = options.PollingInterval;
            });
        }

        builder.Services.AddTransient<SourceSyncJob>();
        builder.Services.AddHostedService<RecurringJobRegistrar>();
        return builder;
    }

    private static JobStorage CreateStorage(JobOptions options)
    {
        if (options.Storage == JobOptions.MemoryStorage)
        {
            return new InMemoryStorage();
        }

        var postgres = new PostgreSqlStorageOptions { QueuePollInterval = options.PollingInterval, PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(options.ConnectionString!, postgres), postgres);
    }
}
