using Analytics.Core.Delivery;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Definitions;

namespace Analytics.Reports.Tests;

/// <summary>
/// Closed quarters' metric sets are computed once while the data is unchanged: a second report of a quarter and the
/// next quarter's report (which compares with it) reuse them; new rows, or a quarter still in progress, do not.
/// </summary>
public sealed class QuarterlyMetricsCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly ReportDatabase _db = new();

    public QuarterlyMetricsCacheTests()
    {
        _db.Write([new Team("t1", "Payments", null, false, "UTC", "test")]);
        _db.Write([new Service("s1", "s1", "t1", "acme/s1", "production", false, null, null, new DateOnly(2025, 1, 1), null, "test")]);
        Deploy(new DateOnly(2026, 4, 1), 91, 1);
        Deploy(new DateOnly(2026, 7, 1), 92, 2);
    }

    [Fact]
    public async Task A_second_report_and_the_next_quarters_reuse_the_closed_quarters()
    {
        var builder = _db.Builder(Now);

        var (first, _, _) = await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);
        Assert.Equal(0, _db.MetricsCache.Hits);
        var (second, _, _) = await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);
        Assert.Equal(2, _db.MetricsCache.Hits);
        Assert.Equal(first.Kpis, second.Kpis);

        // Q4 is in progress (62 of 92 days): computed afresh; its comparison, Q3's first 62 days, is a different span.
        await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);
        Assert.Equal(2, _db.MetricsCache.Hits);
        await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 4), null, CancellationToken.None);
        Assert.Equal(3, _db.MetricsCache.Hits);
    }

    [Fact]
    public async Task The_next_quarters_report_reuses_the_previous_quarter()
    {
        await _db.Builder(Now).BuildAsync(new ReportDefinition(), new Quarter(2026, 2), null, CancellationToken.None);

        var (report, _, _) = await _db.Builder(Now).BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);

        Assert.Equal(1, _db.MetricsCache.Hits);
        Assert.Equal(("2.0", "1.0"), (report.Kpis[0].Value, report.Kpis[0].Previous));
    }

    [Fact]
    public async Task New_rows_invalidate_the_cached_quarters()
    {
        var builder = _db.Builder(Now);
        await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);

        // Late-arriving Q3 deployments: two more a day.
        Deploy(new DateOnly(2026, 7, 1), 92, 2, "late");
        var (report, _, _) = await builder.BuildAsync(new ReportDefinition(), new Quarter(2026, 3), null, CancellationToken.None);

        Assert.Equal(0, _db.MetricsCache.Hits);
        Assert.Equal("4.0", report.Kpis[0].Value);
    }

    public void Dispose() => _db.Dispose();

    private void Deploy(DateOnly from, int days, int perDay, string batch = "first")
    {
        var deployments = new List<Deployment>();
        for (var day = from; day < from.AddDays(days); day = day.AddDays(1))
        {
            for (var i = 0; i < perDay; i++)
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9 + i, 0)), TimeSpan.Zero);
                deployments.Add(new Deployment($"{batch}-{day:yyyyMMdd}-{i}", "s1", "production", $"{batch}{day:yyyyMMdd}{i}", at, at.AddMinutes(5), "success", false, false, true, null, "test"));
            }
        }

        _db.Write(deployments);
    }
}
