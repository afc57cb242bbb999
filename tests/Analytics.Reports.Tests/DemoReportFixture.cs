using Analytics.Core.Metrics;
using Analytics.Core.Seeding;
using Analytics.Reports.Building;
using Analytics.Reports.Charts;
using Analytics.Reports.Printing;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// The demo organisation (<c>analytics seed --engineers 400 --days 400 --seed 42 --until 2026-10-01</c>: 52 teams)
/// with its 2026-Q3 organisation report and the busiest team's report, each as HTML and as printed PDF pages.
/// </summary>
public sealed class DemoReportFixture : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-demo-report-").FullName;

    public static Quarter Q3 { get; } = new(2026, 3);

    public ReportDatabase Db { get; } = new();

    public QuarterlyReport Organisation { get; private set; } = default!;

    public string OrganisationHtml { get; private set; } = "";

    /// <summary>The text of each printed page, ligatures undone.</summary>
    public IReadOnlyList<string> OrganisationPages { get; private set; } = [];

    public QuarterlyReport Team { get; private set; } = default!;

    public string TeamHtml { get; private set; } = "";

    public IReadOnlyList<string> TeamPages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        using (var connection = Db.Database.Open())
        {
            new SyntheticOrgGenerator(new SeedOptions(400, 400, 42, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        }

        var metrics = await new MetricsService(Db.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 5 })).QuarterAsync(Q3, null, CancellationToken.None);
        var busiest = metrics.DeploymentFrequency.Where(r => r.Level == "team").OrderByDescending(r => r.Deployments).ThenBy(r => r.TeamId, StringComparer.Ordinal).First().TeamId!;
        var options = Options.Create(new ReportOptions());
        await using var printer = new ChromiumPdfPrinter(options, NullLogger<ChromiumPdfPrinter>.Instance);
        var generator = new ReportGenerator(Db.Builder(Now), new ChartRenderer(options), printer, options, TimeProvider.System);
        (Organisation, OrganisationHtml, OrganisationPages) = await PrintAsync(generator, null);
        (Team, TeamHtml, TeamPages) = await PrintAsync(generator, busiest);
    }

    public Task DisposeAsync()
    {
        Db.Dispose();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(QuarterlyReport, string, IReadOnlyList<string>)> PrintAsync(ReportGenerator generator, string? team)
    {
        var pdf = Path.Combine(_folder, (team ?? "organisation") + ".pdf");
        var (report, _) = await generator.PdfAsync(Q3, team, pdf, null, CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC)).ToList();
        return (report, html, pages);
    }
}
