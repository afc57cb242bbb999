using Analytics.Core.Metrics;
using Analytics.Core.Seeding;
using Analytics.Reports.Definitions;
using Analytics.Reports.Rendering;

namespace Analytics.Reports.Tests;

/// <summary>The report's DORA 2025 part: each team's buckets and profile on a seeded organisation, and nothing without data.</summary>
public sealed class Dora2025ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);

    [Fact]
    public async Task The_delivery_section_lists_each_teams_buckets_and_profile_or_reason()
    {
        using var db = new ReportDatabase();
        using (var connection = db.Database.Open())
        {
            new SyntheticOrgGenerator(new SeedOptions(240, 200, 5, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
        }

        var (report, _, _) = await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        var html = ReportHtml.Render(report, "report.css");

        Assert.NotEmpty(report.Dora2025);
        Assert.Contains(report.Dora2025, r => r.Profile is "Harmonious high-achievers" or "Pragmatic performers" or "Stable and methodical" or "High impact, low cadence"
            or "Constrained by process" or "The legacy bottleneck" or "Foundational challenges");
        Assert.All(report.Dora2025, r => Assert.False(string.IsNullOrEmpty(r.Profile)));
        Assert.Contains("<h3>DORA 2025: buckets and team profiles</h3>", html, StringComparison.Ordinal);
        Assert.Equal(report.Dora2025.Count, html.Split("<h3>DORA 2025")[1].Split("</tbody>")[0].Split("<tr><td>").Length - 1);
    }

    [Fact]
    public async Task Without_data_the_report_has_no_DORA_2025_part()
    {
        using var db = new ReportDatabase();
        var (report, _, _) = await db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        Assert.Empty(report.Dora2025);
        Assert.DoesNotContain("DORA 2025", ReportHtml.Render(report, "report.css"), StringComparison.Ordinal);
    }
}
