namespace Analytics.Reports.Charts;

/// <summary>
/// A trend drawn small, for a figure's card on a dashboard: the same lines, forecast and interval band as
/// <paramref name="Trend"/>, without axes, title or legend (the card around it names the figure).
/// </summary>
/// <param name="Trend">The full trend chart it is a miniature of.</param>
public sealed record SparklineChart(TrendChart Trend) : ChartSpec(Trend.Title, Trend.Description);
