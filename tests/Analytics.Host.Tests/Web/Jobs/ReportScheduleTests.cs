using Analytics.Host.Tests.Cli;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>The recurring job that writes the previous quarter's report on the first day of each quarter.</summary>
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
        using (var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            Assert.Equal("0 6 1 1,4,7,10 *", Assert.Single(connection.GetRecurringJobs(), r => r.Id == "quarterly-report").Cron);
        }

        // As the dashboard's "Trigger now" does: the recurring job's own definition, queued at once.
        factory.Services.GetRequiredService<IRecurringJobManager>().Trigger("quarterly-report");
        var expected = Path.Combine(output, "pulse-2026-Q3.pdf");
        for (var attempt = 0; attempt < 300 && !File.Exists(expected); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(expected), $"{expected} was not written within 30 s.");
        Assert.Equal("%PDF"u8.ToArray(), File.ReadAllBytes(expected)[..4]);
    }

    [Fact]
    public async Task An_empty_report_cron_schedules_no_report()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "none.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Reports:Cron", ""));
        using var client = factory.CreateClient();
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.DoesNotContain(connection.GetRecurringJobs(), r => r.Id == "quarterly-report");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
