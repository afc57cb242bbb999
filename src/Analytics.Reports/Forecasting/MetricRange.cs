namespace Analytics.Reports.Forecasting;

/// <summary>The values a metric can take, which its forecast and interval must stay within.</summary>
/// <param name="Lower">The smallest possible value; null when unbounded below.</param>
/// <param name="Upper">The largest possible value; null when unbounded above (only with a lower bound).</param>
public sealed record MetricRange(double? Lower, double? Upper)
{
    /// <summary>Any real number.</summary>
    public static readonly MetricRange Unbounded = new(null, null);

    /// <summary>Counts, rates per day and durations.</summary>
    public static readonly MetricRange NonNegative = new(0, null);

    /// <summary>A percentage, from 0 to 100.</summary>
    public static readonly MetricRange Percentage = new(0, 100);
}
