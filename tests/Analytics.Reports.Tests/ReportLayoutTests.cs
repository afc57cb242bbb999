using System.Text.RegularExpressions;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Definitions;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

/// <summary>
/// No wasted page (issue 14): the demo organisation's report printed and read back with PdfPig. Before this work
/// the organisation report printed on 16 pages (six mostly blank) and the team report on 10.
/// </summary>
public sealed partial class ReportLayoutTests(DemoReportFixture demo) : IClassFixture<DemoReportFixture>
{
    /// <summary>
    /// Fewest words a page other than the cover may hold, counting the running header and page number (about a
    /// dozen words). The mostly blank pages before held 34 to 47 words; the shortest page now, the appendix's last,
    /// holds over 120.
    /// </summary>
    private const int FewestWords = 80;

    [Fact]
    public void The_organisation_report_prints_on_at_most_17_pages()
    {
        // 16 pages before, 12 measured after (2 December 2026), 13 with the DORA 2025 profiles table after the
        // appendix (3 December), 16 with DX Core 4 (its 52-team table runs over two pages) and AI-assisted
        // development; one page of slack for font metrics on another machine.
        Assert.InRange(demo.OrganisationPages.Count, 2, 17);
    }

    [Fact]
    public void The_team_report_prints_on_at_most_10_pages()
    {
        // 10 pages before (its second page half empty), 7 measured after, 9 with DX Core 4 and AI-assisted
        // development (3 December 2026); one page of slack.
        Assert.InRange(demo.TeamPages.Count, 2, 10);
    }

    [Fact]
    public void No_page_but_the_cover_is_nearly_empty()
    {
        foreach (var pages in new[] { demo.OrganisationPages, demo.TeamPages })
        {
            Assert.All(pages.Skip(1), (text, i) => Assert.True(Words(text) >= FewestWords, $"Page {i + 2} holds {Words(text)} words: {text}"));
        }
    }

    [Fact]
    public void The_sentiment_page_shows_the_nps_trend_with_its_margins()
    {
        var trend = demo.Organisation.NpsTrend!;
        var spec = Assert.IsType<Analytics.Reports.Charts.IntervalChart>(trend.Spec);
        Assert.True(spec.Points.Count >= 2);
        Assert.All(spec.Points, p => Assert.True(p.Lower < p.Value && p.Value < p.Upper));
        Assert.Contains("<title>Platform NPS by wave</title>", demo.OrganisationHtml, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"{trend.Description}\"", demo.OrganisationHtml, StringComparison.Ordinal);

        var page = Assert.Single(demo.OrganisationPages, p => p.Contains("Developer sentiment Platform NPS:", StringComparison.Ordinal));
        Assert.Contains("Platform NPS by wave", page, StringComparison.Ordinal);
        Assert.Contains("95% margin", page, StringComparison.Ordinal);
        Assert.Matches(@"Platform NPS: \d+ ± \d+\.\d \(95%, adjusted Wald\)", page);
    }

    [Fact]
    public async Task Teams_that_moved_are_listed_by_their_absolute_change()
    {
        // Computed here from the documented rule: each team's largest relative change among deployments per day,
        // median lead time and median recovery time since last quarter.
        var service = new MetricsService(demo.Db.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 5 }));
        var now = await service.QuarterAsync(DemoReportFixture.Q3, null, CancellationToken.None);
        var before = (await service.QuarterAsync(DemoReportFixture.Q3.Previous, null, CancellationToken.None)).DoraLevels.Where(l => l.TeamId is not null).ToDictionary(l => l.TeamId!);
        static double? Relative(double? a, double? b) => a is { } x && b is > 0 and var y ? Math.Abs((x - y) / y) : null;
        var expected = now.DoraLevels.Where(l => l.TeamId is not null && before.ContainsKey(l.TeamId))
            .Select(l => (l.TeamId, Change: new[] { Relative(l.DeploysPerDay, before[l.TeamId!].DeploysPerDay), Relative(l.LeadTimeHours, before[l.TeamId!].LeadTimeHours), Relative(l.RecoveryHours, before[l.TeamId!].RecoveryHours) }.Max() ?? 0))
            .OrderByDescending(t => t.Change).Take(8).ToList();

        var moves = demo.Organisation.TeamMoves;
        Assert.Equal(8, moves.Count);
        Assert.Equal(expected.Select(e => e.Change), moves.Select(m => Math.Abs(m.Change)), (a, b) => Math.Abs(a - b) < 1e-9);

        // The printed table lists them in that order.
        var section = demo.OrganisationHtml[demo.OrganisationHtml.IndexOf("<h3>Teams that moved</h3>", StringComparison.Ordinal)..];
        var rows = MovedRow().Matches(section[..section.IndexOf("</table>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(moves.Select(m => m.Team), rows);
    }

    [Fact]
    public void The_appendix_repeats_its_heading_row_on_every_page_it_spans()
    {
        var first = demo.OrganisationPages.ToList().FindIndex(p => p.Contains("Appendix: every team", StringComparison.Ordinal));
        Assert.True(first > 0);
        // The pages that carry the heading row, from the appendix's first: every team is on them, so a page of the
        // table without it would cut the run short and leave teams out. The DORA 2025 profiles may follow on a page of their own.
        const string heading = "Team Deploys/day Lead time (h) Change failure Recovery (h) Level";
        var spanned = demo.OrganisationPages.Skip(first).TakeWhile(p => p.Contains(heading, StringComparison.Ordinal)).ToList();
        Assert.True(spanned.Count >= 2, "The 52-team appendix runs over more than one page.");
        Assert.All(demo.Organisation.TeamLevels, t => Assert.Contains(spanned, p => p.Contains(t.Team, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_heatmap_over_two_pages_repeats_its_column_headings()
    {
        var pages = demo.OrganisationPages.Where(p => p.Contains("cognitive load feedback loops flow", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 2, "The 52-team DevEx heatmap runs over more than one page.");
    }

    [Fact]
    public void A_chart_of_a_single_bar_is_a_sentence()
    {
        var single = Assert.Single(demo.Organisation.OnboardingCharts, c => c.Spec is Analytics.Reports.Charts.BarChart { Bars.Count: 1 });
        Assert.Null(single.Svg);
        Assert.Contains($"<p class=\"in-words\">{single.Spec.InWords}</p>", demo.OrganisationHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"<title>{single.Title}</title>", demo.OrganisationHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_team_report_has_the_teams_own_coverage_without_the_organisation_label()
    {
        var name = demo.Team.TeamName!;
        var teamDeployments = demo.Team.Coverage.Single(c => c.Kind == "Deployments").Records;
        var allDeployments = demo.Organisation.Coverage.Single(c => c.Kind == "Deployments").Records;
        Assert.InRange(teamDeployments!.Value, 1, allDeployments!.Value - 1);

        var text = string.Join(" ", demo.TeamPages);
        Assert.Contains($"Data coverage — {name} Records Count From To Deployments {teamDeployments:N0}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Data coverage — Organisation", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_name_with_markup_is_printed_as_text()
    {
        using var db = new ReportDatabase();
        db.Write([new Team("t1", "<b>x</b>", null, false, "UTC", "test")]);
        var (report, _, _) = await db.Builder(new DateTimeOffset(2026, 10, 15, 10, 0, 0, TimeSpan.Zero)).BuildAsync(new ReportDefinition(), DemoReportFixture.Q3, "t1", CancellationToken.None);

        var html = await ReportHtml.RenderAsync(report, "report.css");

        Assert.Contains("&lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teams_survey_responses_below_the_minimum_group_size_are_withheld_from_its_coverage()
    {
        using var db = new ReportDatabase();
        db.Write([new Team("t1", "Payments", null, false, "UTC", "test")]);
        var (report, _, _) = await db.Builder(new DateTimeOffset(2026, 10, 15, 10, 0, 0, TimeSpan.Zero)).BuildAsync(new ReportDefinition(), DemoReportFixture.Q3, "t1", CancellationToken.None);

        var html = await ReportHtml.RenderAsync(report, "report.css");

        Assert.Null(report.Coverage.Single(c => c.Kind == "Survey responses").Records);
        Assert.Equal(0, report.Coverage.Single(c => c.Kind == "Deployments").Records);
        Assert.Contains("<tr><td>Survey responses</td><td class=\"number\">fewer than 5</td><td>—</td><td>—</td></tr>", html, StringComparison.Ordinal);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex("<tr><td>([^<]+)(?:<span class=\"flag\">outlier</span>)?</td>")]
    private static partial Regex MovedRow();
}
