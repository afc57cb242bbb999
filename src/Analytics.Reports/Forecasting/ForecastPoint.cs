namespace Analytics.Reports.Forecasting;

/// <summary>One forecast step with its prediction interval.</summary>
/// <param name="Step">Steps ahead of the last observation (1 = next period).</param>
/// <param name="Value">The point forecast.</param>
/// <param name="Lower">Lower bound of the interval.</param>
/// <param name="Upper">Upper bound of the interval.</param>
public sealed record ForecastPoint(int Step, double Value, double Lower, double Upper);
