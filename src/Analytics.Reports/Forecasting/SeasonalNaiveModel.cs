namespace Analytics.Reports.Forecasting;

/// <summary>The baseline every method must beat: next period = the same period one season ago (or the last value, before a full season).</summary>
/// <param name="season">Periods per season, for example 12 for monthly data.</param>
public sealed class SeasonalNaiveModel(int season) : IForecastModel
{
    /// <inheritdoc />
    public string Name => "Seasonal naive";

    /// <inheritdoc />
    public IReadOnlyList<ForecastPoint> Forecast(IReadOnlyList<double> series, int horizon, double coverage)
    {
        var lag = series.Count >= season ? season : 1;
        var errors = Enumerable.Range(lag, series.Count - lag).Select(t => series[t] - series[t - lag]);
        var sigma = Intervals.Sigma(errors, 0);
        var z = Intervals.Z(coverage);
        return Enumerable.Range(1, horizon).Select(h =>
        {
            var value = series[series.Count - lag + ((h - 1) % lag)];
            var seasons = ((h - 1) / lag) + 1;
            var spread = z * sigma * Math.Sqrt(seasons);
            return new ForecastPoint(h, value, value - spread, value + spread);
        }).ToList();
    }
}
