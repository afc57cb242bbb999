using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

/// <summary>
/// The delivery trends: a month without data coverage is a gap, not a zero; a team without deployments says so;
/// every trend chart shares the report's month axis; a closed quarter's series are cached until new rows arrive.
/// </summary>
public sealed class ReportTrendTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly ReportDatabase _db = new();

    public ReportTrendTests()
    {
        _db.Write([new Team("t1", "Payments", null, false, "UTC", "test"), new Team("t2", "Search", null, false, "UTC", "test")]);
        _db.Write([
            new Service("s1", "s1", "t1", "acme/s1", "production", false, null, null, new DateOnly(2024, 1, 1), null, "test"),
            new Service("s2", "s2", "t2", "acme/s2", "production", false, null, null, new DateOnly(2024, 1, 1), null, "test")]);

        // The data starts in August 2026: two deployments a day of s1 to the end of September; none ever of s2.
        _db.Write(Deployments(new DateOnly(2026, 8, 1), new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public async Task Months_before_the_data_starts_are_gaps_not_zeros()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);

        var chart = (TrendChart)report.Trends.Single(t => t.Metric == "Deployments per day").Chart.Spec;
        var august = chart.Axis.IndexOf(new DateOnly(2026, 8, 1));
        // The service existed all along, and the metric itself counts zero deployments for those months.
        Assert.All(chart.Actual.Take(august), Assert.Null);
        Assert.Equal([2.0, 2.0], chart.Actual.Skip(august).Select(v => v!.Value));
        Assert.Contains("Data starts in Aug 26; the months before it have no data and are left blank.", chart.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_trend_chart_shares_the_reports_month_axis()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);

        var axes = report.Trends.Select(t => ((TrendChart)t.Chart.Spec).Axis).Distinct().ToList();
        // Eight quarters of history to September 2026, then two quarters of forecast.
        Assert.Equal(new MonthAxis(new DateOnly(2024, 10, 1), 30), Assert.Single(axes));
    }

    [Fact]
    public async Task A_team_without_deployments_gets_charts_that_say_why_instead_of_flat_zero_lines()
    {
        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, "t2", CancellationToken.None);

        var charts = report.Trends.Select(t => (TrendChart)t.Chart.Spec).ToList();
        Assert.All(charts, c => Assert.All(c.Actual, Assert.Null));
        var frequency = charts.Single(c => c.Title == "Deployments per day");
        Assert.Equal("No production deployments recorded for this team in these months.", frequency.EmptyMessage);
        Assert.Contains(frequency.EmptyMessage, new ChartRenderer(Options.Create(new ReportOptions())).Render(frequency), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_quarters_series_come_from_the_cache_until_new_rows_arrive()
    {
        var first = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);
        var second = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);

        Assert.Equal(1, _db.SeriesCache.Hits);
        Assert.Equal(Actual(first.Report), Actual(second.Report));

        // A load adds July's deployments: the cached series are stale and are computed again.
        _db.Write(Deployments(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1)));
        var third = await _db.Builder(Now).BuildAsync(new ReportDefinition(), Q3, null, CancellationToken.None);

        Assert.Equal(1, _db.SeriesCache.Hits);
        Assert.Equal(2.0, Actual(third.Report)[new MonthAxis(new DateOnly(2024, 10, 1), 30).IndexOf(new DateOnly(2026, 7, 1))]);
    }

    [Fact]
    public async Task A_quarter_in_progress_is_not_cached()
    {
        var inQ4 = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
        await _db.Builder(inQ4).BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);
        await _db.Builder(inQ4).BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);

        Assert.Equal(0, _db.SeriesCache.Hits);
    }

    public void Dispose() => _db.Dispose();

    private static List<double?> Actual(Building.QuarterlyReport report) => [.. ((TrendChart)report.Trends[0].Chart.Spec).Actual];

    private static List<Deployment> Deployments(DateOnly from, DateOnly to)
    {
        var deployments = new List<Deployment>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            for (var i = 0; i < 2; i++)
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + i, 0)), TimeSpan.Zero);
                deployments.Add(new Deployment($"d{day:yyyyMMdd}-{i}", "s1", "production", $"sha{day:yyyyMMdd}{i}", at, at.AddMinutes(5), "success", false, false, true, null, "test"));
            }
        }

        return deployments;
    }
}
