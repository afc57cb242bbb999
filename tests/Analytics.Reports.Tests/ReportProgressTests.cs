using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Definitions;
using Analytics.Reports.Rendering;

namespace Analytics.Reports.Tests;

/// <summary>
/// A quarter still in progress is reported for the days that have passed: rates per elapsed day, compared with the
/// same days of the quarter before, and said so on the cover and beside every headline figure.
/// </summary>
public sealed class ReportProgressTests : IDisposable
{
    // 2 December: the first 62 of Q4's 92 days are over.
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly ReportDatabase _db = new();

    public ReportProgressTests()
    {
        _db.Write([new Team("t1", "Payments", null, false, "UTC", "test")]);
        _db.Write([new Service("s1", "s1", "t1", "acme/s1", "production", false, null, null, new DateOnly(2025, 1, 1), null, "test")]);

        // Two deployments a day, except six a day in September, the part of Q3 that Q4 has not reached yet.
        var deployments = new List<Deployment>();
        for (var day = new DateOnly(2026, 7, 1); day < DateOnly.FromDateTime(Now.UtcDateTime); day = day.AddDays(1))
        {
            for (var i = 0; i < (day.Month == 9 ? 6 : 2); i++)
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + i, 0)), TimeSpan.Zero);
                deployments.Add(new Deployment($"d{day:yyyyMMdd}-{i}", "s1", "production", $"sha{day:yyyyMMdd}{i}", at, at.AddMinutes(5), "success", false, false, true, null, "test"));
            }
        }

        _db.Write(deployments);
    }

    [Fact]
    public async Task Rates_divide_by_the_days_elapsed_and_compare_with_the_same_days_of_last_quarter()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);

        Assert.Equal((62, 92), (report.Progress!.DaysElapsed, report.Progress.Days));
        var perDay = report.Kpis.Single(k => k.Name == "Deployments per day");
        // Whole-quarter arithmetic said 1.3 (124 / 92) against 3.3 (all of Q3), "−59%, worse".
        Assert.Equal(("2.0", "2.0", "no change"), (perDay.Value, perDay.Previous, perDay.Change));
    }

    [Fact]
    public async Task The_cover_and_every_headline_figure_say_the_quarter_is_in_progress()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);

        var html = await ReportHtml.RenderAsync(report, "report.css");

        Assert.Contains("<strong>Quarter in progress.</strong> Figures cover 1 Oct – 1 Dec 2026, the first 62 of the quarter&#x27;s 92 days;", html, StringComparison.Ordinal);
        Assert.Contains("the same days of Q3 2026 (1 Jul – 31 Aug)", html, StringComparison.Ordinal);
        var figures = report.Kpis.Count(k => k.Value != "—");
        Assert.Equal(figures, html.Split("so far (62 of 92 days)").Length - 1);
        Assert.DoesNotContain("(last quarter ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_quarter_is_reported_whole()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);

        Assert.Null(report.Progress);
        // July and August at 2 a day, September at 6: 304 deployments over 92 days.
        Assert.Equal("3.3", report.Kpis.Single(k => k.Name == "Deployments per day").Value);
    }

    [Theory]
    [InlineData(2027, 1)]
    [InlineData(2026, 12)]
    public async Task A_quarter_without_a_complete_day_is_refused_with_the_reason(int year, int month)
    {
        var quarter = Quarter.Of(new DateOnly(year, month, 3));
        var builder = _db.Builder(month == 12 ? new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero) : Now);

        var refused = await Assert.ThrowsAsync<ReportException>(() => builder.BuildAsync(new ReportDefinition(), quarter, null, CancellationToken.None));

        Assert.Equal(month == 12
            ? "2026-Q4 has no complete day yet (today is 2026-10-01); the latest quarter with data is 2026-Q3."
            : "2027-Q1 has no complete day yet (today is 2026-12-02); the latest quarter with data is 2026-Q4.", refused.Message);
    }

    public void Dispose() => _db.Dispose();
}
