namespace Analytics.Reports.Forecasting;

/// <summary>A series' forecast, or why there is none, with the backtest that chose its method.</summary>
/// <param name="Method">The chosen method; null when there is no forecast.</param>
/// <param name="Points">The forecast steps with their intervals; empty when there is none.</param>
/// <param name="Mase">Backtest mean absolute scaled error of the chosen method (below 1 beats a naive forecast).</param>
/// <param name="BaselineMase">The same for the seasonal-naive baseline.</param>
/// <param name="Unavailable">Why there is no forecast, in words for the report; null when there is one.</param>
/// <param name="FilledGaps">How many missing periods were filled by interpolation before fitting.</param>
public sealed record SeriesForecast(
    string? Method,
    IReadOnlyList<ForecastPoint> Points,
    double? Mase,
    double? BaselineMase,
    string? Unavailable,
    int FilledGaps)
{
    /// <summary>No forecast, for the stated reason.</summary>
    public static SeriesForecast None(string reason, int filledGaps = 0) => new(null, [], null, null, reason, filledGaps);
}
