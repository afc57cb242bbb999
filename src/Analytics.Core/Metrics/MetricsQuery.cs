namespace Analytics.Core.Metrics;

/// <summary>Which data a metric covers: the days [From, To) in the configured time zone, per period, optionally one team.</summary>
public sealed record MetricsQuery(DateOnly From, DateOnly To, PeriodGrain Grain, string? Team = null)
{
    /// <summary>The quarter's days, per quarter.</summary>
    public static MetricsQuery ForQuarter(Quarter quarter, string? team = null) => new(quarter.Start, quarter.End, PeriodGrain.Quarter, team);
}
