using Analytics.Core.Storage.Migrations;
using Analytics.DuckDb;
using Analytics.Ingestion.Scheduling;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace Analytics.Host.Tests.Web;

public sealed class SchedulingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-schedule-").FullName;

    private string DatabasePath => Path.Combine(_folder, "schedule.duckdb");

    [Fact]
    public async Task Each_source_has_a_job_and_a_configured_cron_becomes_its_trigger()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.NotNull(await scheduler.GetJobDetail(SchedulingHostingExtensions.JobOf("github")));
        Assert.Empty(await scheduler.GetTriggersOfJob(SchedulingHostingExtensions.JobOf("github")));
        var trigger = Assert.IsType<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(SchedulingHostingExtensions.JobOf("pagerduty"))), exactMatch: false);
        Assert.Equal("0 0 2 * * ?", trigger.CronExpressionString);
    }

    [Fact]
    public async Task A_run_cut_off_by_a_stop_is_closed_as_failed_when_the_service_starts()
    {
        using (var connection = new DuckDbConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance, TimeProvider.System).ApplyAsync(connection, CancellationToken.None);
            connection.Execute("INSERT INTO ingestion_runs (run_id, source, trigger, started_at, status) VALUES (uuid(), 'pagerduty', 'schedule', now(), 'running')");
        }

        await using var factory = Factory();
        using var client = factory.CreateClient();
        using var check = new DuckDbConnection($"Data Source={DatabasePath}");
        check.Open();
        Assert.Equal(("failed", "interrupted: the process stopped during the run"), check.QuerySingle<(string, string)>("SELECT status, error FROM ingestion_runs"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WebApplicationFactory<Program> Factory() => new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
        .UseSetting("Pulse:Database:Path", DatabasePath)
        .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
        .UseSetting("Pulse:Sources:PagerDuty:Cron", "0 0 2 * * ?"));
}
