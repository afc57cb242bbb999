using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Host.Tests.Cli;
using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Scheduling;
using Dapper;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>The service's Hangfire jobs: recurring syncs from configuration, one run per source, transient-only retries.</summary>
public sealed class SchedulingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-schedule-").FullName;
    private readonly GatedConnector _pagerDuty = new("pagerduty");
    private readonly GatedConnector _github = new("github");

    private string DatabasePath => Path.Combine(_folder, "schedule.duckdb");

    [Fact]
    public async Task Each_configured_cron_and_the_report_become_recurring_jobs_in_UTC()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id, r => r);
        Assert.Equal(["quarterly-report", "sync-pagerduty"], recurring.Keys.Order());
        Assert.Equal("0 2 * * *", recurring["sync-pagerduty"].Cron);
        Assert.Equal("UTC", recurring["sync-pagerduty"].TimeZoneId);
        Assert.Equal("0 6 1 1,4,7,10 *", recurring["quarterly-report"].Cron);
    }

    [Fact]
    public async Task A_recurring_job_that_configuration_no_longer_has_is_removed_at_start()
    {
        var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);
        manager.AddOrUpdate<SourceSyncJob>("sync-bitbucket", job => job.RunAsync("bitbucket", "schedule", CancellationToken.None), "0 3 * * *");
        manager.AddOrUpdate<SourceSyncJob>("sync-github", job => job.RunAsync("github", "schedule", CancellationToken.None), "0 3 * * *");
        RecurringJobDefinition[] definitions =
        [
            new("sync-github", "Pulse:Sources:GitHub:Cron", null, Hangfire.Common.Job.FromExpression<SourceSyncJob>(job => job.RunAsync("github", "schedule", CancellationToken.None))),
            new("sync-jira", "Pulse:Sources:Jira:Cron", "30 1 * * 1-5", Hangfire.Common.Job.FromExpression<SourceSyncJob>(job => job.RunAsync("jira", "schedule", CancellationToken.None))),
        ];

        await new RecurringJobRegistrar(definitions, manager, storage, NullLogger<RecurringJobRegistrar>.Instance).StartAsync(CancellationToken.None);

        using var connection = storage.GetConnection();
        Assert.Equal(["sync-jira"], connection.GetRecurringJobs().Select(r => r.Id));
    }

    [Theory]
    [InlineData("--Pulse:Jobs:Storage=redis", "Pulse:Jobs:Storage is 'redis': use 'memory' (the default) or 'postgres'.")]
    [InlineData("--Pulse:Jobs:Storage=postgres", "Pulse:Jobs:Storage is 'postgres' but Pulse:Jobs:ConnectionString is empty")]
    [InlineData("--Pulse:Jobs:Workers=0", "Pulse:Jobs:Workers is 0: it must be at least 1.")]
    [InlineData("--Pulse:Jobs:RetryDelaysSeconds:0=-5", "Pulse:Jobs:RetryDelaysSeconds has a negative delay")]
    [InlineData("--Pulse:Sources:PagerDuty:Cron=0 0 2 * * ? 2027", "Pulse:Sources:PagerDuty:Cron '0 0 2 * * ? 2027' is not a cron expression (it has 7 fields)")]
    [InlineData("--Pulse:Sources:GitHub:Cron=0 25 * * *", "Pulse:Sources:GitHub:Cron '0 25 * * *' is not a cron expression")]
    [InlineData("--Pulse:Reports:Cron=monthly", "Pulse:Reports:Cron 'monthly' is not a cron expression")]
    public async Task Bad_job_settings_stop_the_service_at_start_in_one_line_naming_the_setting(string setting, string message)
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(_folder, "serve", "--db", DatabasePath, "--urls", "http://127.0.0.1:0", setting);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: {message}", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(File.Exists(DatabasePath), "Nothing was opened or created.");
    }

    [Fact]
    public async Task A_source_runs_once_at_a_time_while_other_sources_run()
    {
        _pagerDuty.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var first = Job(factory).RunAsync("pagerduty", "schedule", CancellationToken.None);
        await _pagerDuty.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await Job(factory).RunAsync("pagerduty", "manual", CancellationToken.None);
        var other = await Job(factory).RunAsync("github", "manual", CancellationToken.None);
        _pagerDuty.Gate.SetResult();

        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(second);
        Assert.True(other);
        Assert.Equal((1, 1), (_pagerDuty.Syncs, _github.Syncs));
        Assert.True(await Job(factory).RunAsync("pagerduty", "manual", CancellationToken.None), "The lock is released when the run ends.");
    }

    [Fact]
    public async Task An_unavailable_source_is_retried_after_the_configured_delay()
    {
        _pagerDuty.Failures.Enqueue(new SourceUnavailableException("PagerDuty answered 503 Service Unavailable"));
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var id = factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SourceSyncJob>(job => job.RunAsync("pagerduty", "manual", CancellationToken.None));

        Assert.Equal("Succeeded", await FinalStateAsync(factory, id));
        Assert.Equal(2, _pagerDuty.Syncs);
        var history = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(id).History;
        Assert.Contains(history, h => h.StateName == "Scheduled" && h.Reason.StartsWith("Retry 1 of 1: PagerDuty answered 503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_token_is_not_retried()
    {
        _pagerDuty.Failures.Enqueue(new SourceRequestException("PagerDuty refused the token (401 at http://pd.test/incidents): check the token."));
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var id = factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<SourceSyncJob>(job => job.RunAsync("pagerduty", "manual", CancellationToken.None));

        Assert.Equal("Failed", await FinalStateAsync(factory, id));
        await Task.Delay(1500);
        Assert.Equal(1, _pagerDuty.Syncs);
        Assert.Equal("Failed", factory.Services.GetRequiredService<JobStorage>().GetConnection().GetJobData(id).State);
    }

    [Fact]
    public async Task A_run_cut_off_by_a_stop_is_closed_as_failed_when_the_service_starts()
    {
        using (var connection = new PulseConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(connection, CancellationToken.None);
            connection.Execute("INSERT INTO ingestion_runs (run_id, source, trigger, started_at, status) VALUES (uuid(), 'pagerduty', 'schedule', now(), 'running')");
        }

        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var check = new PulseConnection($"Data Source={DatabasePath}");
        check.Open();
        Assert.Equal(("failed", "interrupted: the process stopped during the run"), check.QuerySingle<(string, string)>("SELECT status, error FROM ingestion_runs"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SourceSyncJob Job(WebApplicationFactory<Program> factory) => factory.Services.GetRequiredService<SourceSyncJob>();

    private static async Task<string> FinalStateAsync(WebApplicationFactory<Program> factory, string id)
    {
        var storage = factory.Services.GetRequiredService<JobStorage>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var connection = storage.GetConnection();
            if (connection.GetJobData(id)?.State is { } state && state is "Succeeded" or "Failed")
            {
                return state;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Job {id} did not finish within 10 s.");
    }

    private WebApplicationFactory<Program> Factory() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
        .UseSetting("Pulse:Database:Path", DatabasePath)
        .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
        .UseSetting("Pulse:Sources:PagerDuty:Cron", "0 2 * * *")
        .UseSetting("Pulse:Jobs:PollingInterval", "00:00:00.200")
        .UseSetting("Pulse:Jobs:RetryDelaysSeconds:0", "0")
        .ConfigureTestServices(services => services.RemoveAll<ISourceConnector>().AddSingleton<ISourceConnector>(_pagerDuty).AddSingleton<ISourceConnector>(_github)));
}
