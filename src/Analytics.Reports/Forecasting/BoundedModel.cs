namespace Analytics.Reports.Forecasting;

/// <summary>
/// Fits a model on a scale where the metric's bounds cannot be crossed and maps its forecast back: the log of the
/// distance from a lower bound, or the logit of the position between two bounds. A normal interval on that scale
/// becomes a skewed one that stays inside the range (a change failure rate near 0% gets a short lower and a long
/// upper arm, never a negative rate).
/// </summary>
internal sealed class BoundedModel(IForecastModel inner, MetricRange range) : IForecastModel
{
    // Keeps values at a bound finite on the transformed scale: a share of the way into the range.
    private const double Margin = 0.005;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlyList<ForecastPoint> Forecast(IReadOnlyList<double> series, int horizon, double coverage)
    {
        var lower = range.Lower ?? throw new InvalidOperationException("A bounded forecast needs a lower bound.");
        Func<double, double> to, from;
        if (range.Upper is { } upper)
        {
            var width = upper - lower;
            to = x => Logit(Margin + ((1 - (2 * Margin)) * Math.Clamp((x - lower) / width, 0, 1)));
            from = y => lower + (width * Math.Clamp((Sigmoid(y) - Margin) / (1 - (2 * Margin)), 0, 1));
        }
        else
        {
            // The offset scales with the series, so zeros stay finite without bending larger values much.
            var offset = Math.Max(1e-6, 0.1 * series.Average(x => Math.Max(0, x - lower)));
            to = x => Math.Log(Math.Max(0, x - lower) + offset);
            from = y => Math.Max(lower, lower + Math.Exp(y) - offset);
        }

        return inner.Forecast(series.Select(to).ToList(), horizon, coverage)
            .Select(p => new ForecastPoint(p.Step, from(p.Value), from(p.Lower), from(p.Upper)))
            .ToList();
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double y) => 1 / (1 + Math.Exp(-y));
}
