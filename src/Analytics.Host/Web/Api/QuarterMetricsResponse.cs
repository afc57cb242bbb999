using Analytics.Core.Metrics;

namespace Analytics.Host.Web.Api;

/// <summary>
/// <c>GET /api/v1/metrics</c>: the full metric set of a quarter, or of a date range as one period, over the days
/// [<paramref name="From"/>, <paramref name="To"/>); a quarter in progress covers its complete days so far and says so.
/// </summary>
/// <param name="Quarter">The quarter asked for; null when a range was.</param>
/// <param name="Team">The team asked for; null for the organisation and its teams.</param>
/// <param name="From">The first day covered.</param>
/// <param name="To">The day after the last one covered.</param>
/// <param name="InProgress">Whether the quarter has days still to come.</param>
/// <param name="Metrics">The metric set.</param>
public sealed record QuarterMetricsResponse(string? Quarter, string? Team, DateOnly From, DateOnly To, bool InProgress, QuarterlyMetrics Metrics);
