namespace Analytics.Reports.Forecasting;

/// <summary>A forecasting method fitted to a series and projected forward.</summary>
public interface IForecastModel
{
    /// <summary>The method's name for people, for example "Singular spectrum analysis".</summary>
    string Name { get; }

    /// <summary>Forecasts <paramref name="horizon"/> steps after <paramref name="series"/> with intervals at <paramref name="coverage"/> (0.8 = 80%).</summary>
    IReadOnlyList<ForecastPoint> Forecast(IReadOnlyList<double> series, int horizon, double coverage);
}
