namespace Analytics.Host.Web.Dashboards;

/// <summary>One delivery metric month by month with its forecast, drawn by the report's chart renderer.</summary>
/// <param name="Metric">What is measured, e.g. "Deployments per day" (the overview card it belongs to).</param>
/// <param name="Chart">The full chart as accessible SVG, as the report draws it.</param>
/// <param name="Sparkline">The same at card size, or null when no month has data.</param>
/// <param name="Forecast">The forecast in words ("next month 3.1, 80% interval 2.4 to 3.9"), or why there is none.</param>
public sealed record DeliveryTrend(string Metric, string Chart, string? Sparkline, string Forecast);
