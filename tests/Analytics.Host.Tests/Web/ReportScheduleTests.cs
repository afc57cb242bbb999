using Analytics.Host.Tests.Cli;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Analytics.Host.Tests.Web;

/// <summary>The scheduled job that writes the previous quarter's report on the first day of each quarter.</summary>
public sealed class ReportScheduleTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-report-job-").FullName;

    [Fact]
    public async Task Job_runs_quarterly_and_writes_the_previous_quarters_pdf()
    {
        var database = Path.Combine(_folder, "job.duckdb");
        File.Copy(seeded.Path, database);
        var output = Path.Combine(_folder, "reports");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Reports:OutputFolder", output)
            // The job's own moment, the first day of a quarter, whatever the real date.
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero))));
        using var client = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var trigger = Assert.IsType<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(new JobKey("quarterly-report", "reports"))), exactMatch: false);
        Assert.Equal("0 0 6 1 1,4,7,10 ?", trigger.CronExpressionString);

        await scheduler.TriggerJob(new JobKey("quarterly-report", "reports"));
        var expected = Path.Combine(output, "pulse-2026-Q3.pdf");
        for (var attempt = 0; attempt < 300 && !File.Exists(expected); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(expected), $"{expected} was not written within 30 s.");
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(expected)[..4]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
