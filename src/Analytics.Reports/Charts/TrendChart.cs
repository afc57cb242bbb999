using Analytics.Reports.Forecasting;

namespace Analytics.Reports.Charts;

/// <summary>
/// A monthly series as a solid line, then its forecast dashed with the interval as a shaded band. A month without a
/// value (no data coverage) is a gap in the line, never a zero; a series without any value draws
/// <see cref="EmptyMessage"/> instead of a line.
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Unit">The y-axis title, for example "per day".</param>
/// <param name="Axis">The months of the x-axis, shared by all trend charts of a report.</param>
/// <param name="Actual">The observed value of each month from <see cref="MonthAxis.First"/> on; null = no data.</param>
/// <param name="Forecast">The forecast, starting the month after the last of <paramref name="Actual"/>.</param>
/// <param name="EmptyMessage">Why there is nothing to draw, shown when <paramref name="Actual"/> holds no value.</param>
public sealed record TrendChart(string Title, string Description, string Unit, MonthAxis Axis, IReadOnlyList<double?> Actual, SeriesForecast Forecast, string EmptyMessage)
    : ChartSpec(Title, Description);
