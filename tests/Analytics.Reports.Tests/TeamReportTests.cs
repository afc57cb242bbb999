using System.Text.RegularExpressions;
using Analytics.Core.Metrics;
using Analytics.Core.Seeding;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Analytics.Reports.Printing;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// A team report, on the synthetic organisation: every figure is the team's, under the team's name, or labelled
/// "Organisation (for comparison)" where the data exists only for the whole organisation.
/// </summary>
public sealed partial class TeamReportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly ReportDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-team-report-").FullName;

    public TeamReportTests()
    {
        using var connection = _db.Database.Open();
        new SyntheticOrgGenerator(new SeedOptions(60, 400, 42, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
    }

    [Fact]
    public async Task A_team_report_shows_the_teams_figures_and_labels_the_organisations()
    {
        var metrics = await OrganisationAsync();
        var team = Busiest(metrics);
        var own = metrics.DeploymentFrequency.Single(r => r.Level == "team" && r.TeamId == team);
        var organisation = metrics.DeploymentFrequency.Single(r => r.Level == "organisation");
        Assert.NotEqual(organisation.Deployments, own.Deployments);

        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, team, CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");
        var name = report.TeamName;

        Assert.NotEqual(team, name);
        Assert.Equal(((double)own.Deployments / own.Days).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), report.Kpis.Single(k => k.Name == "Deployments per day").Value);
        Assert.Contains($"Every figure in this report is {ReportHtml.Possessive(name!)}, except those marked “Organisation (for comparison)”", html, StringComparison.Ordinal);
        Assert.Contains($"<p>{ReportHtml.Possessive(name!)} DORA performance level this quarter:", html, StringComparison.Ordinal);

        // The organisation-wide figures the metrics cannot narrow to a team are there, each labelled.
        Assert.Contains(report.AdoptionFigures, f => f.Label == "Engineers contributing to the platform — Organisation (for comparison)");
        Assert.Contains(report.AdoptionFigures, f => f.Label == "Support requests per 100 engineers a month — Organisation (for comparison)");
        Assert.Contains(report.AdoptionCharts, c => c.Title == "Support requests by category — Organisation (for comparison)");
        Assert.Contains("<h3>Candidates for self-service — Organisation (for comparison)</h3>", html, StringComparison.Ordinal);
        // The coverage counts the team's own records, so it carries the team's name, not the organisation's; it is on
        // the cover only (the methodology repeats it only for a definition without a cover).
        Assert.Equal(1, html.Split($"<h3>Data coverage — {name}</h3>").Length - 1);
        Assert.DoesNotContain(report.AdoptionFigures, f => f.Label.StartsWith("Engineers contributing", StringComparison.Ordinal) && !f.Label.EndsWith("(for comparison)", StringComparison.Ordinal));
        Assert.Empty(UnlabelledOrganisation().Matches(html));
    }

    [Fact]
    public async Task The_printed_team_report_labels_every_organisation_figure()
    {
        var team = Busiest(await OrganisationAsync());
        var options = Options.Create(new ReportOptions());
        await using var printer = new ChromiumPdfPrinter(options, NullLogger<ChromiumPdfPrinter>.Instance);
        var generator = new ReportGenerator(_db.Builder(Now), new ChartRenderer(options), printer, options, TimeProvider.System);
        var pdf = Path.Combine(_folder, "team.pdf");

        var (report, _) = await generator.PdfAsync(Q3, team, pdf, null, CancellationToken.None);
        var name = report.TeamName;

        using var document = PdfDocument.Open(pdf);
        // Compatibility normalisation undoes the printed ligatures ("ﬁ" in "Notifications").
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC);
        Assert.Contains($"Every figure in this report is {ReportHtml.Possessive(name!)}", text, StringComparison.Ordinal);
        Assert.Contains("Candidates for self-service — Organisation (for comparison)", text, StringComparison.Ordinal);
        Assert.Contains("Engineers contributing to the platform — Organisation (for comparison)", text, StringComparison.Ordinal);
        Assert.Empty(UnlabelledOrganisation().Matches(text));
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>"Organisation" not followed by "(for comparison)"; the organisation in the report is called Acme.</summary>
    [GeneratedRegex(@"Organisation(?! \(for comparison\))")]
    private static partial Regex UnlabelledOrganisation();

    private async Task<QuarterlyMetrics> OrganisationAsync() =>
        await new MetricsService(_db.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 5 })).QuarterAsync(Q3, null, CancellationToken.None);

    /// <summary>The team that deployed most in the quarter, so its figures are far from the organisation's.</summary>
    private static string Busiest(QuarterlyMetrics metrics) =>
        metrics.DeploymentFrequency.Where(r => r.Level == "team").OrderByDescending(r => r.Deployments).ThenBy(r => r.TeamId, StringComparer.Ordinal).First().TeamId!;
}
