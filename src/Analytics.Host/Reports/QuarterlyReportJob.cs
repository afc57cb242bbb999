using Analytics.Core.Metrics;
using Analytics.Reports;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Reports;

/// <summary>
/// Writes the previous quarter's report to <see cref="ReportOptions.OutputFolder"/> (as <c>pulse-2026-Q3.pdf</c>), as
/// the Hangfire recurring job <see cref="RecurringJobId"/> on <see cref="ReportOptions.Cron"/>, by default 06:00 UTC
/// on the first day of each quarter. A failure is logged and left failed in the job store, not retried.
/// </summary>
internal sealed partial class QuarterlyReportJob(ReportGenerator generator, IOptions<ReportOptions> options, TimeProvider clock, ILogger<QuarterlyReportJob> logger)
{
    public const string RecurringJobId = "quarterly-report";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var quarter = Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Previous;
        var folder = Directory.CreateDirectory(options.Value.OutputFolder).FullName;
        var path = Path.Combine(folder, $"pulse-{quarter}.pdf");
        try
        {
            var (_, timings) = await generator.PdfAsync(quarter, null, path, null, cancellationToken);
            LogWritten(quarter, path, timings.Total);
        }
        catch (ReportException error)
        {
            LogFailed(error, quarter);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote the {Quarter} report to {Path} in {Elapsed}")]
    private partial void LogWritten(Quarter quarter, string path, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the {Quarter} report")]
    private partial void LogFailed(Exception error, Quarter quarter);
}
