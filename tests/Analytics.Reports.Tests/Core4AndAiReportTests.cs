using System.Globalization;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Analytics.Reports.Printing;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// The DX Core 4 and AI-assisted development sections on <see cref="AssistantOrganisation"/>, printed and read back:
/// the figures docs/metrics.md defines, worked out by hand; the same as the API's; groups under k withheld; and no
/// section without its data.
/// </summary>
public sealed class Core4AndAiReportTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly ReportDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-core4-ai-").FullName;
    private readonly Dictionary<string, string> _printed = [];

    public async Task InitializeAsync()
    {
        AssistantOrganisation.WriteAll(_db);
        var options = Options.Create(new ReportOptions());
        await using var printer = new ChromiumPdfPrinter(options, NullLogger<ChromiumPdfPrinter>.Instance);
        var generator = new ReportGenerator(_db.Builder(Now), new ChartRenderer(options), printer, options, TimeProvider.System);
        foreach (var team in new[] { "organisation", "pay", "web", "ops" })
        {
            var pdf = Path.Combine(_folder, team + ".pdf");
            await generator.PdfAsync(Q3, team == "organisation" ? null : team, pdf, null, CancellationToken.None);
            using var document = PdfDocument.Open(pdf);
            _printed[team] = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC);
        }
    }

    [Fact]
    public void The_organisation_report_prints_DX_Core_4_as_defined()
    {
        var text = _printed["organisation"];

        // Speed: merged pull requests ÷ (engineer-days ÷ 7); seven engineers employed all 92 days of Q3.
        Assert.Contains($"Speed Merged PRs per engineer per week {Rate(46 + 10, 7 * 92)}", text, StringComparison.Ordinal);
        // Impact: 4 of the 6 resolved items are features, which the rules put in new capability.
        Assert.Contains("Impact Work on new capabilities 66.7%", text, StringComparison.Ordinal);
        Assert.Contains("No text model was used, so impact is by the rules alone", text, StringComparison.Ordinal);
        // Payments' row: speed (none merged in Q2), no DevEx answers, nobody new, no failed release, 3 of 4 items new capability.
        Assert.Contains($"Payments {Rate(46, 5 * 92)} +{Rate(46, 5 * 92)} — — 0.0% 75.0% 75.0%", text, StringComparison.Ordinal);
        // Web's one new engineer reached a 10th pull request, fewer than k: the days are withheld, for Web and for the organisation.
        Assert.Matches($@"Web {Rate(10, 2 * 92)} \S+ — hidden", text);
        Assert.DoesNotContain("18 days", text, StringComparison.Ordinal);
        Assert.Contains("Days to 10th PR: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_organisation_report_prints_AI_assisted_development_as_defined()
    {
        var text = _printed["organisation"];

        // Active ÷ licensed seats: four of twelve used in Q3 (Operations' five never), one in Q2.
        Assert.Contains("Assistant seats in use 4 of 12 (33%); last quarter 1 of 12 (8%)", text, StringComparison.Ordinal);
        // Payments (3 of 5) reached the 50% threshold; Web, under k seats, and Operations, shielding it, are counted
        // as hidden, their seats never shown.
        Assert.Contains("Teams 1 of the 1 team shown used at least 50% of its seats this quarter; 2 teams are hidden, each holding fewer than 5 licensed seats or shielding a team that does.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 of 2 (50%)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 5 (0%)", text, StringComparison.Ordinal);
        Assert.Contains("Changes merged that were AI-assisted 21.4% (12 of 56)", text, StringComparison.Ordinal);
        // Hours saved: (3 × 1.5 + 3 × 6 + 2 × 0) ÷ 8 = 2.8; trust (6 × 4 + 2 × 2) ÷ 8 = 3.5, 6 of 8 favourable.
        Assert.Contains($"{AssistantOrganisation.WaveName}, 8 respondents: the assistant saves them 2.8 hours a week on average; trust that its code is right without reworking it is 3.5 of 5 (75% favourable).", text, StringComparison.Ordinal);
        // Median lead time of each group's released changes: 12 AI-assisted at 6 hours; 34 of Payments' at 10 and 10 of Web's at 8.
        Assert.Contains("AI-assisted 12 6.0 — 0.0% — Other 44 10.0 — 0.0% —", text, StringComparison.Ordinal);
        Assert.Contains("Before and after adoption", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_report_prints_the_teams_own_panel_adoption_and_changes()
    {
        var text = _printed["pay"];

        Assert.Contains("DX Core 4 Speed, effectiveness, quality and impact side by side, for Payments, 2026-Q3 against", text, StringComparison.Ordinal);
        Assert.Contains($"Speed Merged PRs per engineer per week {Rate(46, 5 * 92)}", text, StringComparison.Ordinal);
        Assert.Contains("Impact Work on new capabilities 75.0%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DX Core 4 by team", text, StringComparison.Ordinal);
        Assert.Contains("Assistant seats in use — Payments 3 of 5 (60%); last quarter 1 of 5 (20%)", text, StringComparison.Ordinal);
        Assert.Contains("Adoption adopted in 2026-Q3, the first quarter at least 50% of its seats were active", text, StringComparison.Ordinal);
        Assert.Contains("Changes merged that were AI-assisted 26.1% (12 of 46)", text, StringComparison.Ordinal);
        Assert.Contains("AI-assisted 12 6.0 — 0.0% — Other 34 10.0 — 0.0% —", text, StringComparison.Ordinal);
        Assert.Contains("Before and after adoption — Organisation (for comparison)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_team_report_withholds_what_a_group_under_k_would_reveal()
    {
        var web = _printed["web"];
        var pay = _printed["pay"];

        Assert.Contains("Assistant seats in use — Web hidden: fewer than 5 licensed seats here, or showing it would reveal a smaller team", web, StringComparison.Ordinal);
        Assert.DoesNotContain("1 of 2", web, StringComparison.Ordinal);
        Assert.Contains("Assistant seats in use — Operations hidden: fewer than 5 licensed seats here, or showing it would reveal a smaller team", _printed["ops"], StringComparison.Ordinal);
        Assert.DoesNotContain("0 of 5", _printed["ops"], StringComparison.Ordinal);
        // Web's two respondents are under k, and Payments is its only sibling: the organisation's row less Payments'
        // would give Web's, so both are hidden.
        Assert.Contains($"{AssistantOrganisation.WaveName}: hidden", web, StringComparison.Ordinal);
        Assert.Contains($"{AssistantOrganisation.WaveName}: hidden", pay, StringComparison.Ordinal);
        Assert.DoesNotContain("respondents: the assistant saves them", pay, StringComparison.Ordinal);
        Assert.Contains("Effectiveness Days to 10th PR, new engineers (median) — —", web, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pay")]
    [InlineData("web")]
    public async Task The_sections_figures_are_the_APIs(string? team)
    {
        var metrics = new MetricsService(_db.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 5 }));
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, team, CancellationToken.None);
        var level = team is null ? "organisation" : "team";

        // What GET /api/v1/core4 and GET /api/v1/ai/adoption compute for the quarter and team.
        var core4 = await metrics.Core4Async(Q3, team, CancellationToken.None);
        var query = MetricsQuery.ForQuarter(Q3, team);
        var adoption = (await metrics.AiAdoptionAsync(query, CancellationToken.None)).Single(a => a.Level == level && a.TeamId == team);
        var changes = (await metrics.AiAssistedDeliveryAsync(query, CancellationToken.None)).Single(c => c.Level == level && c.TeamId == team);
        var survey = (await metrics.AiSurveyAsync(query, CancellationToken.None)).Where(s => s.Level == level && s.TeamId == team);

        Assert.Equal(Json(core4.Panels.Single(p => p.Level == level && p.TeamId == team)), Json(report.Core4!.Panel));
        Assert.Equal(adoption, report.Ai!.Adoption);
        Assert.Equal(changes, report.Ai.Changes);
        Assert.Equal(Json(survey), Json(report.Ai.Survey));
    }

    [Fact]
    public async Task Without_assistant_data_there_is_no_AI_section_and_without_pull_requests_or_work_items_no_Core_4()
    {
        using var delivery = new ReportDatabase();
        AssistantOrganisation.WriteDelivery(delivery);
        using var empty = new ReportDatabase();
        empty.Write([new Team("pay", "Payments", null, false, "UTC", "test")]);

        var (withDelivery, _, _) = await delivery.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        var (withNothing, _, _) = await empty.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        var deliveryHtml = await ReportHtml.RenderAsync(withDelivery, "report.css");
        var emptyHtml = await ReportHtml.RenderAsync(withNothing, "report.css");

        Assert.NotNull(withDelivery.Core4);
        Assert.Contains("<h2>DX Core 4</h2>", deliveryHtml, StringComparison.Ordinal);
        Assert.Null(withDelivery.Ai);
        Assert.DoesNotContain("AI-assisted development", deliveryHtml, StringComparison.Ordinal);
        Assert.Null(withNothing.Core4);
        Assert.DoesNotContain("DX Core 4", emptyHtml, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Rate(int pullRequests, int engineerDays) => (pullRequests / (engineerDays / 7.0)).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
