using Analytics.Reports.Forecasting;

namespace Analytics.Reports.Tests;

public sealed class ForecastTests
{
    private static readonly Forecaster Forecaster = new();

    [Fact]
    public void Linear_trend_is_continued_by_both_methods()
    {
        var series = Enumerable.Range(0, 24).Select(t => 10.0 + (2.0 * t)).ToList();
        foreach (var model in new IForecastModel[] { new SingularSpectrumModel(), new DampedTrendModel() })
        {
            var forecast = model.Forecast(series, 6, 0.8);
            for (var h = 1; h <= 6; h++)
            {
                // Damping bends the line a little; SSA continues it exactly.
                Assert.InRange(forecast[h - 1].Value, 10 + (2 * (23 + h)) - (0.6 * h), 10 + (2 * (23 + h)) + 0.01);
            }
        }

        var chosen = Forecaster.Forecast(series.Select(v => (double?)v).ToList(), 6, 12);
        Assert.Equal("Singular spectrum analysis", chosen.Method);
        Assert.Equal(58.0, chosen.Points[0].Value, 1e-6);
        Assert.True(chosen.Mase < 0.01);
    }

    [Fact]
    public void Seasonal_sine_with_noise_is_forecast_within_tolerance_and_beats_seasonal_naive()
    {
        var random = new Random(7);
        double Truth(int t) => 50 + (10 * Math.Sin(2 * Math.PI * t / 12)) + (0.2 * t);
        var series = Enumerable.Range(0, 48).Select(t => (double?)(Truth(t) + NextGaussian(random))).ToList();

        var forecast = Forecaster.Forecast(series, 6, 12);

        Assert.NotNull(forecast.Method);
        Assert.True(forecast.Mase < forecast.BaselineMase, $"{forecast.Method} MASE {forecast.Mase} vs seasonal naive {forecast.BaselineMase}");
        var meanError = forecast.Points.Average(p => Math.Abs(p.Value - Truth(47 + p.Step)));
        Assert.True(meanError < 3, $"mean absolute error {meanError:N2}");
        Assert.All(forecast.Points, p => Assert.InRange(Truth(47 + p.Step), p.Lower - 3, p.Upper + 3));
    }

    [Fact]
    public void Ssa_beats_seasonal_naive_on_a_trending_seasonal_series_by_backtest()
    {
        var random = new Random(11);
        var series = Enumerable.Range(0, 36).Select(t => 100 + (0.5 * t) + (15 * Math.Sin(2 * Math.PI * t / 12)) + (2 * NextGaussian(random))).ToList();
        var ssa = Forecaster.Backtest(new SingularSpectrumModel(), series, 3, 12);
        var naive = Forecaster.Backtest(new SeasonalNaiveModel(12), series, 3, 12);
        Assert.True(ssa < naive, $"SSA {ssa:N2} vs seasonal naive {naive:N2}");
    }

    [Fact]
    public void Intervals_contain_the_forecast_and_widen_with_the_horizon()
    {
        var random = new Random(3);
        var series = Enumerable.Range(0, 20).Select(t => (double?)(20 + t + (3 * NextGaussian(random)))).ToList();
        var points = Forecaster.Forecast(series, 6, 12).Points;

        Assert.All(points, p => Assert.True(p.Lower < p.Value && p.Value < p.Upper));
        Assert.True(points[5].Upper - points[5].Lower > points[0].Upper - points[0].Lower);
    }

    [Fact]
    public void Fewer_than_six_points_give_no_forecast_and_say_why()
    {
        var forecast = Forecaster.Forecast([1, null, 3, 4, 5, null], 2, 12);
        Assert.Null(forecast.Method);
        Assert.Empty(forecast.Points);
        Assert.Equal("no forecast: 4 of the 6 periods of data a forecast needs", forecast.Unavailable);
    }

    [Fact]
    public void Gaps_are_interpolated_and_counted()
    {
        var forecast = Forecaster.Forecast([10, 12, null, 16, 18, null, null, 24, 26], 2, 12);
        Assert.Equal(3, forecast.FilledGaps);
        Assert.Equal(28, forecast.Points[0].Value, 0.5);
    }

    [Fact]
    public void All_zero_series_forecasts_zero()
    {
        var forecast = Forecaster.Forecast(Enumerable.Repeat((double?)0, 12).ToList(), 6, 12);
        Assert.Equal("Constant (the series never changed)", forecast.Method);
        Assert.All(forecast.Points, p => Assert.Equal((0.0, 0.0, 0.0), (p.Value, p.Lower, p.Upper)));
    }

    [Fact]
    public void A_rate_near_zero_keeps_its_forecast_interval_within_0_to_100_percent()
    {
        double?[] rates = [20, 2, 30, 5, 25, 0, 40, 3, 22, 1, 35, 4, 18, 0, 28, 2];

        var unbounded = Forecaster.Forecast(rates, 6, 12);
        var bounded = Forecaster.Forecast(rates, 6, 12, range: MetricRange.Percentage);

        // The series is one whose symmetric interval would promise a negative rate.
        Assert.Contains(unbounded.Points, p => p.Lower < 0);
        Assert.All(bounded.Points, p => Assert.True(p.Lower >= 0 && p.Lower <= p.Value && p.Value <= p.Upper && p.Upper <= 100, p.ToString()));
    }

    [Fact]
    public void A_count_falling_towards_zero_is_never_forecast_below_zero()
    {
        double?[] counts = [10, 8, 7, 5, 4.5, 3, 2.5, 2, 1.2, 1, 0.5, 0.3];

        var unbounded = Forecaster.Forecast(counts, 6, 12);
        var bounded = Forecaster.Forecast(counts, 6, 12, range: MetricRange.NonNegative);

        Assert.Contains(unbounded.Points, p => p.Lower < 0);
        Assert.All(bounded.Points, p => Assert.True(p.Lower >= 0 && p.Lower <= p.Value && p.Value <= p.Upper, p.ToString()));
    }

    [Fact]
    public void Random_percentage_series_stay_within_their_range()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 200; i++)
        {
            var level = random.NextDouble() * 100;
            var noise = random.NextDouble() * 30;
            var series = Enumerable.Range(0, 6 + random.Next(19)).Select(_ => (double?)Math.Clamp(level + (noise * NextGaussian(random)), 0, 100)).ToList();

            var forecast = Forecaster.Forecast(series, 6, 12, range: MetricRange.Percentage);

            Assert.All(forecast.Points, p => Assert.True(p.Lower >= 0 && p.Upper <= 100 && p.Lower <= p.Value && p.Value <= p.Upper, $"series {i}: {p}"));
        }
    }

    private static double NextGaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
