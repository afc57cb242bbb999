using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Storage;
using Analytics.Reports.Charts;
using Analytics.Reports.Forecasting;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The four delivery metrics month by month over the year to a filter's quarter, with a forecast of the next
/// months, charted by the report's <see cref="ChartRenderer"/> and forecast by its <see cref="Forecaster"/>, so a
/// trend looks and reads the same on a page as in the PDF. Like the report, a month outside the scope's delivery
/// data is a gap, not a zero, and a quarter in progress (or a range) charts its complete months only.
/// </summary>
public sealed class DashboardTrends(MetricsService metrics, PulseDatabase database, ChartRenderer charts, DashboardCache cache, IOptions<MetricsOptions> options)
{
    /// <summary>Months of history charted.</summary>
    public const int HistoryMonths = 12;

    /// <summary>Months forecast after the last complete one.</summary>
    public const int ForecastMonths = 3;

    private readonly Forecaster _forecaster = new();

    /// <summary>The trends of a filter (the organisation's, or its team's), kept until the data changes.</summary>
    public Task<IReadOnlyList<DeliveryTrend>> TrendsAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        cache.KeepAsync(new TrendsKey(filter), () => BuildAsync(filter, CancellationToken.None), cancellationToken);

    private async Task<IReadOnlyList<DeliveryTrend>> BuildAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var end = filter.InProgress || filter.IsRange ? new DateOnly(filter.Until.Year, filter.Until.Month, 1) : filter.Quarter.End;
        var start = end.AddMonths(-HistoryMonths);
        var query = new MetricsQuery(start, end, PeriodGrain.Month, filter.Team);
        var frequency = await metrics.QueryAsync<DeploymentFrequency>("deployment_frequency", query, cancellationToken);
        var lead = await metrics.QueryAsync<LeadTime>("lead_time", query, cancellationToken);
        var failures = await metrics.QueryAsync<ChangeFailureRate>("change_failure_rate", query, cancellationToken);
        var recovery = await metrics.QueryAsync<RecoveryTime>("recovery_time", query, cancellationToken);
        var (first, last) = await SpanAsync(filter.Team, cancellationToken);

        var level = filter.Team is null ? "organisation" : "team";
        var months = Enumerable.Range(0, HistoryMonths).Select(start.AddMonths).ToList();
        var axis = new MonthAxis(start, HistoryMonths + ForecastMonths);
        var scope = filter.Team is null ? "the organisation" : "this team";
        bool Covered(DateOnly month) => first is { } f && last is { } l && month >= f && month <= l;
        List<double?> Series<T>(IEnumerable<T> rows, Func<T, string> rowLevel, Func<T, DateOnly> month, Func<T, double?> value)
        {
            var byMonth = rows.Where(r => rowLevel(r) == level && Covered(month(r))).ToDictionary(month, value);
            return [.. months.Select(m => byMonth.GetValueOrDefault(m))];
        }

        return
        [
            Trend("Deployments per day", "per day", MetricRange.NonNegative, axis, Format.Rate, $"No production deployments recorded for {scope} in these months.",
                Series(frequency, r => r.Level, r => r.PeriodStart, r => r.Days > 0 ? (double)r.Deployments / r.Days : null)),
            Trend("Median lead time", "hours", MetricRange.NonNegative, axis, Format.Hours, $"No changes reached production for {scope} in these months.",
                Series(lead, r => r.Level, r => r.PeriodStart, r => r.MedianHours)),
            Trend("Change failure rate", "%", MetricRange.Percentage, axis, v => Format.Percent(v / 100), $"No production deployments recorded for {scope} in these months.",
                Series(failures.Where(r => r.Deployments > 0), r => r.Level, r => r.PeriodStart, r => 100 * r.Rate)),
            Trend("Median recovery time", "hours", MetricRange.NonNegative, axis, Format.Hours, $"No incidents were resolved for {scope} in these months.",
                Series(recovery, r => r.Level, r => r.PeriodStart, r => r.MedianHours)),
        ];
    }

    private DeliveryTrend Trend(string metric, string unit, MetricRange range, MonthAxis axis, Func<double, string> format, string empty, List<double?> series)
    {
        var forecast = _forecaster.Forecast(series, ForecastMonths, 12, range: range);
        var next = forecast.Points.Count > 0 ? forecast.Points[0] : null;
        var words = next is null
            ? $"No forecast: {forecast.Unavailable?.Replace("no forecast: ", "", StringComparison.Ordinal)}."
            : $"Forecast for next month: {format(next.Value)} (80% interval {format(next.Lower)} to {format(next.Upper)}).";
        var first = series.FindIndex(v => v is not null);
        var coverage = first switch
        {
            < 0 => " There is no data for these months.",
            > 0 => $" Data starts in {Month(axis.Month(first))}; the months before it have no data and are left blank.",
            _ => "",
        };
        var description = $"{metric} by month from {Month(axis.First)}" + (next is null ? "; there is no forecast." : $", with a {forecast.Method} forecast for the next {ForecastMonths} months and its 80% interval.") + coverage;
        var chart = new TrendChart(metric, description, unit, axis, series, forecast, empty);
        return new DeliveryTrend(metric, charts.Render(chart), series.Any(v => v is not null) ? charts.Render(new SparklineChart(chart)) : null, words);
    }

    private static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    private async Task<(DateOnly? First, DateOnly? Last)> SpanAsync(string? team, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var span = await connection.QuerySingleAsync<(DateTimeOffset?, DateTimeOffset?)>(new CommandDefinition(SqlQueries.Get("reports/deployment_span"), new { team }, cancellationToken: cancellationToken));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        DateOnly? MonthOf(DateTimeOffset? at) => at is { } t && TimeZoneInfo.ConvertTime(t, zone) is var local ? new DateOnly(local.Year, local.Month, 1) : null;
        return (MonthOf(span.Item1), MonthOf(span.Item2));
    }

    private sealed record TrendsKey(DashboardFilter Filter);
}
