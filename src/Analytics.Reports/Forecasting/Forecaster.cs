namespace Analytics.Reports.Forecasting;

/// <summary>
/// Forecasts a metric series: fills interior gaps by linear interpolation, refuses series shorter than six points,
/// then picks between singular spectrum analysis and damped-trend smoothing by a rolling-origin backtest (refit at
/// each of the last origins, forecast the horizon, compare with what happened), scored by mean absolute scaled
/// error against the seasonal-naive baseline scored the same way. A bounded metric is fitted on a scale that keeps
/// the forecast and its interval inside its range (<see cref="BoundedModel"/>), and scored on its own scale.
/// </summary>
public sealed class Forecaster
{
    /// <summary>The fewest observed points a series needs for a forecast.</summary>
    public const int MinimumPoints = 6;

    private readonly IReadOnlyList<IForecastModel> _candidates = [new SingularSpectrumModel(), new DampedTrendModel()];

    /// <summary>Forecasts <paramref name="horizon"/> periods after <paramref name="series"/> (null = missing period).</summary>
    /// <param name="series">Observations in time order; nulls are gaps.</param>
    /// <param name="horizon">Periods to forecast.</param>
    /// <param name="season">Periods per season (12 for months).</param>
    /// <param name="coverage">Interval coverage, for example 0.8.</param>
    /// <param name="range">The values the metric can take; forecasts and intervals stay inside (default: unbounded).</param>
    public SeriesForecast Forecast(IReadOnlyList<double?> series, int horizon, int season, double coverage = 0.8, MetricRange? range = null)
    {
        range ??= MetricRange.Unbounded;
        var observed = series.Count(v => v is not null);
        if (observed < MinimumPoints)
        {
            return SeriesForecast.None($"no forecast: {observed} of the {MinimumPoints} periods of data a forecast needs");
        }

        var (values, filled) = FillGaps(series);
        if (values.All(v => v == values[0]))
        {
            // A constant series (all zeros, for example) has nothing to learn; its best forecast is itself.
            var flat = Enumerable.Range(1, horizon).Select(h => new ForecastPoint(h, values[0], values[0], values[0])).ToList();
            return new SeriesForecast("Constant (the series never changed)", flat, null, null, null, filled);
        }

        var scale = NaiveScale(values, season);
        var baseline = new SeasonalNaiveModel(season);
        var baselineMase = Backtest(baseline, values, horizon, season) / scale;
        var candidates = range.Lower is null ? _candidates : _candidates.Select(m => (IForecastModel)new BoundedModel(m, range)).ToList();
        var scored = candidates.Select(m => (Model: m, Mase: Backtest(m, values, horizon, season) / scale)).OrderBy(s => s.Mase).ToList();
        var chosen = scored[0];
        var points = chosen.Model.Forecast(values, horizon, coverage);
        return new SeriesForecast(chosen.Model.Name, points, chosen.Mase, baselineMase, null, filled);
    }

    /// <summary>Mean absolute error over rolling origins: each of the last few points forecast from the data before it.</summary>
    internal static double Backtest(IForecastModel model, IReadOnlyList<double> values, int horizon, int season)
    {
        var firstOrigin = Math.Max(MinimumPoints - 1, values.Count - Math.Max(season / 2, 4));
        var errors = new List<double>();
        for (var origin = firstOrigin; origin < values.Count; origin++)
        {
            var training = values.Take(origin).ToList();
            var steps = Math.Min(horizon, values.Count - origin);
            var forecast = model.Forecast(training, steps, 0.8);
            for (var h = 0; h < steps; h++)
            {
                errors.Add(Math.Abs(values[origin + h] - forecast[h].Value));
            }
        }

        return errors.Count == 0 ? double.NaN : errors.Average();
    }

    /// <summary>The in-sample mean absolute error of the seasonal-naive forecast (lag 1 when the series is shorter than two seasons).</summary>
    private static double NaiveScale(List<double> values, int season)
    {
        var lag = values.Count >= 2 * season ? season : 1;
        var scale = Enumerable.Range(lag, values.Count - lag).Average(t => Math.Abs(values[t] - values[t - lag]));
        return scale > 0 ? scale : 1;
    }

    private static (List<double> Values, int Filled) FillGaps(IReadOnlyList<double?> series)
    {
        // Leading and trailing gaps are dropped; interior ones interpolated between their neighbours.
        var first = series.ToList().FindIndex(v => v is not null);
        var last = series.ToList().FindLastIndex(v => v is not null);
        var values = new List<double>();
        var filled = 0;
        for (var i = first; i <= last; i++)
        {
            if (series[i] is { } value)
            {
                values.Add(value);
                continue;
            }

            var next = i + 1;
            while (series[next] is null)
            {
                next++;
            }

            var before = values[^1];
            var after = series[next]!.Value;
            values.Add(before + ((after - before) / (next - i + 1)));
            filled++;
        }

        return (values, filled);
    }
}
