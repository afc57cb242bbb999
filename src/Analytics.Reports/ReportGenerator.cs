using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Reports.Building;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Analytics.Reports.Printing;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace Analytics.Reports;

/// <summary>
/// Makes the quarterly report: gathers the data, draws the charts, writes the HTML and prints the PDF, timing each
/// step with <paramref name="clock"/>.
/// </summary>
public sealed class ReportGenerator(ReportBuilder builder, ChartRenderer charts, ChromiumPdfPrinter printer, IOptions<ReportOptions> options, TimeProvider clock)
{
    /// <summary>The report as an HTML page whose stylesheet is at <paramref name="stylesheet"/>, with its data.</summary>
    public async Task<(string Html, QuarterlyReport Report)> HtmlAsync(Quarter quarter, string? team, string stylesheet, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        UseReportCulture();
        var (report, _) = await BuildAsync(quarter, team, progress, cancellationToken);
        return (await ReportHtml.RenderAsync(report, stylesheet), report);
    }

    /// <summary>
    /// Writes the report as a PDF to <paramref name="output"/>; returns its data and where the time went. Chromium
    /// writes <c>&lt;output&gt;.partial</c>, which is moved into place once complete, so a failed or stopped print
    /// leaves nothing half-written at <paramref name="output"/>.
    /// </summary>
    public async Task<(QuarterlyReport Report, ReportTimings Timings)> PdfAsync(Quarter quarter, string? team, string output, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        UseReportCulture();
        var target = Path.GetFullPath(output);
        EnsureWritable(target);
        printer.Browser();
        var (report, timings) = await BuildAsync(quarter, team, progress, cancellationToken);
        progress?.Report("Printing the PDF");
        var writing = clock.GetTimestamp();
        var folder = Directory.CreateTempSubdirectory("pulse-report-").FullName;
        var partial = target + ".partial";
        try
        {
            var html = Path.Combine(folder, "report.html");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "report.css"), Path.Combine(folder, "report.css"));
            await File.WriteAllTextAsync(html, await ReportHtml.RenderAsync(report, "report.css"), cancellationToken);
            var written = clock.GetElapsedTime(writing);
            var printing = clock.GetTimestamp();
            await printer.PrintAsync(html, partial, await ReportHtml.PageHeaderAsync(report), await ReportHtml.PageFooterAsync(), cancellationToken);
            File.Move(partial, target, overwrite: true);
            return (report, timings with { Html = written, Printing = clock.GetElapsedTime(printing) });
        }
        finally
        {
            File.Delete(partial);
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(QuarterlyReport Report, ReportTimings Timings)> BuildAsync(Quarter quarter, string? team, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var definition = ReportDefinitionLoader.Load(options.Value.Definition);
        progress?.Report($"Computing the metrics for {quarter}{(team is null ? "" : $" ({team})")}");
        var (report, queries, forecasting) = await builder.BuildAsync(definition, quarter, team, cancellationToken);
        progress?.Report("Drawing the charts");
        var drawing = clock.GetTimestamp();
        var all = report.Trends.Select(t => t.Chart).Concat(report.NpsTrend is { } nps ? [nps] : []).Concat(report.SentimentCharts)
            .Concat(report.AdoptionCharts).Concat(report.OnboardingCharts).Where(c => c.Drawn).ToList();
        var svgs = charts.Render(all.Select(c => c.Spec).ToList(), cancellationToken);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Svg = svgs[i];
        }

        return (report, new ReportTimings(queries, forecasting, clock.GetElapsedTime(drawing), TimeSpan.Zero, TimeSpan.Zero));
    }

    /// <summary>
    /// The report is written in English with numbers like 3.9 and 1,234 whatever the server's culture. Set inside
    /// the async method, the culture flows to the work it awaits and reverts for the caller when it returns.
    /// </summary>
    private static void UseReportCulture() => CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

    /// <summary>Fails before any work when the output cannot be written, naming the folder.</summary>
    private static void EnsureWritable(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new ReportException($"Cannot write {target}: the folder {folder} does not exist.");
        }

        try
        {
            using (File.Create(Path.Combine(folder, $".pulse-write-test-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            throw new ReportException($"Cannot write {target}: {error.Message}");
        }
    }
}
