namespace Analytics.Reports.Forecasting;

/// <summary>
/// Exponential smoothing with an additive damped trend (Gardner and McKenzie): the level and slope are smoothed,
/// and the slope fades by φ each step ahead, so forecasts level off instead of running away. α, β and φ are chosen
/// by a grid search that minimises one-step-ahead squared errors; intervals use the model's h-step variance,
/// σ²·(1 + Σⱼ₌₁..ₕ₋₁ (α·(1 + β·φⱼ))²) with φⱼ = φ + … + φʲ.
/// </summary>
public sealed class DampedTrendModel : IForecastModel
{
    private static readonly double[] Alphas = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
    private static readonly double[] Betas = [0.01, 0.05, 0.1, 0.2, 0.3];
    private static readonly double[] Phis = [0.8, 0.85, 0.9, 0.95, 0.98];

    /// <inheritdoc />
    public string Name => "Damped-trend exponential smoothing";

    /// <inheritdoc />
    public IReadOnlyList<ForecastPoint> Forecast(IReadOnlyList<double> series, int horizon, double coverage)
    {
        if (series.Count < 3)
        {
            throw new ArgumentException($"Damped-trend smoothing needs at least 3 points, not {series.Count}.", nameof(series));
        }

        var best = (Sse: double.MaxValue, Alpha: 0.0, Beta: 0.0, Phi: 0.0, Level: 0.0, Slope: 0.0, Residuals: Array.Empty<double>());
        foreach (var alpha in Alphas)
        {
            foreach (var beta in Betas)
            {
                foreach (var phi in Phis)
                {
                    var (sse, level, slope, residuals) = Fit(series, alpha, beta, phi);
                    if (sse < best.Sse)
                    {
                        best = (sse, alpha, beta, phi, level, slope, residuals);
                    }
                }
            }
        }

        var sigma = Intervals.Sigma(best.Residuals, 3);
        var z = Intervals.Z(coverage);
        var points = new List<ForecastPoint>(horizon);
        double damping = 0, variance = 0;
        for (var h = 1; h <= horizon; h++)
        {
            damping += Math.Pow(best.Phi, h);
            var value = best.Level + (damping * best.Slope);
            var spread = z * sigma * Math.Sqrt(1 + variance);
            points.Add(new ForecastPoint(h, value, value - spread, value + spread));
            var c = best.Alpha * (1 + (best.Beta * damping));
            variance += c * c;
        }

        return points;
    }

    private static (double Sse, double Level, double Slope, double[] Residuals) Fit(IReadOnlyList<double> y, double alpha, double beta, double phi)
    {
        var level = y[0];
        var slope = y[1] - y[0];
        var residuals = new double[y.Count - 1];
        var sse = 0.0;
        for (var t = 1; t < y.Count; t++)
        {
            var predicted = level + (phi * slope);
            var error = y[t] - predicted;
            residuals[t - 1] = error;
            sse += error * error;
            var previous = level;
            level = predicted + (alpha * error);
            slope = (beta * (level - previous)) + ((1 - beta) * phi * slope);
        }

        return (sse, level, slope, residuals);
    }
}
