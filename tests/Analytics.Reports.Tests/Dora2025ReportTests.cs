using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Analytics.Core.Metrics;
using Analytics.Core.Seeding;
using Analytics.Reports.Definitions;
using Analytics.Reports.Rendering;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

/// <summary>The report's DORA 2025 part on a seeded organisation: teams grouped by profile in the organisation report, the team's buckets and profile in a team report, and nothing without data.</summary>
public sealed partial class Dora2025ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public async Task The_organisation_report_groups_every_team_by_its_profile_and_names_why_a_team_has_none()
    {
        using var db = Seeded();
        var (report, _, _) = await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");

        Assert.NotEmpty(report.Dora2025);
        Assert.Contains(report.Dora2025, r => r.Profile is "Harmonious high-achievers" or "Pragmatic performers" or "Stable and methodical" or "High impact, low cadence"
            or "Constrained by process" or "The legacy bottleneck" or "Foundational challenges");
        Assert.All(report.Dora2025, r => Assert.True(r.Profile is null != (r.NoProfileReason is null), $"{r.Team}: a profile or a reason, not both"));

        // One row per profile (and one for the teams without), whose count and names add up to every team once.
        var table = html.Split("<h3>DORA 2025: team profiles</h3>")[1].Split("</tbody>")[0];
        var rows = RowPattern().Matches(table).Select(m => (Profile: m.Groups[1].Value, Count: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Teams: m.Groups[3].Value.Split(", "))).ToList();
        var expected = report.Dora2025.GroupBy(r => r.Profile ?? "No profile").ToDictionary(g => g.Key, g => g.Select(r => HtmlEncoder.Default.Encode(r.Team)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.Profile).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(expected[r.Profile], r.Teams.Order(StringComparer.Ordinal)));
        Assert.All(rows, r => Assert.Equal(r.Teams.Length, r.Count));
        Assert.All(report.Dora2025.Where(r => r.NoProfileReason is not null).Select(r => r.NoProfileReason!).Distinct(),
            reason => Assert.Contains(HtmlEncoder.Default.Encode(reason), html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_report_shows_the_teams_bucket_per_metric_and_its_profile()
    {
        using var db = Seeded();
        var metrics = await new MetricsService(db.Database, Options.Create(new MetricsOptions { MinimumGroupSize = 5 })).QuarterAsync(Q3, null, CancellationToken.None);
        var teamId = metrics.DoraBuckets.Select(b => b.TeamId).OfType<string>().Order(StringComparer.Ordinal).First();
        var organisation = (await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None)).Report;
        var (report, _, _) = await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, teamId, CancellationToken.None);
        var html = await ReportHtml.RenderAsync(report, "report.css");

        var row = Assert.Single(report.Dora2025);
        Assert.Equal(Assert.Single(organisation.Dora2025, r => r.Team == row.Team), row);
        var table = html.Split("<h3>DORA 2025: buckets and profile</h3>")[1].Split("</tbody>")[0];
        Assert.Contains($"<tr><td>{HtmlEncoder.Default.Encode(row.Team)}</td><td>{HtmlEncoder.Default.Encode(row.DeploymentFrequency ?? "—")}</td>", table, StringComparison.Ordinal);
        Assert.Contains($"<td>{HtmlEncoder.Default.Encode(row.Profile ?? $"none: {row.NoProfileReason}")}</td></tr>", table, StringComparison.Ordinal);
        // The buckets that are Pulse's bands say so under the table (docs/metrics.md, "DORA 2025 buckets").
        Assert.Contains(HtmlEncoder.Default.Encode("the bands of deployment frequency, change failure rate, rework rate.") + "</p>",
            html.Split("<h3>DORA 2025: buckets and profile</h3>")[1], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<tr><td>([^<]+)</td><td class=""number"">(\d+)</td><td>([^<]+)</td></tr>")]
    private static partial Regex RowPattern();

    private static ReportDatabase Seeded()
    {
        var db = new ReportDatabase();
        using var connection = db.Database.Open();
        new SyntheticOrgGenerator(new SeedOptions(240, 200, 5, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        return db;
    }

    [Fact]
    public async Task Without_data_the_report_has_no_DORA_2025_part()
    {
        using var db = new ReportDatabase();
        var (report, _, _) = await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        Assert.Empty(report.Dora2025);
        Assert.DoesNotContain("DORA 2025", await ReportHtml.RenderAsync(report, "report.css"), StringComparison.Ordinal);
    }
}
