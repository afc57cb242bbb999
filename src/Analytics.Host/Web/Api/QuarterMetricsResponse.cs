using Analytics.Core.Metrics;

namespace Analytics.Host.Web.Api;

/// <summary>
/// <c>GET /api/v1/metrics</c>: the full metric set of a quarter over the days [<paramref name="From"/>,
/// <paramref name="To"/>); a quarter in progress covers its complete days so far and says so.
/// </summary>
public sealed record QuarterMetricsResponse(string Quarter, string? Team, DateOnly From, DateOnly To, bool InProgress, QuarterlyMetrics Metrics);
