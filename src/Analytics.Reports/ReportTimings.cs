namespace Analytics.Reports;

/// <summary>Where a report's time went.</summary>
/// <param name="Queries">Running the metric queries.</param>
/// <param name="Forecasting">Fitting, backtesting and forecasting the series.</param>
/// <param name="Charts">Drawing the charts to SVG.</param>
/// <param name="Printing">Writing the HTML and printing it to PDF.</param>
public sealed record ReportTimings(TimeSpan Queries, TimeSpan Forecasting, TimeSpan Charts, TimeSpan Printing)
{
    /// <summary>All of it.</summary>
    public TimeSpan Total => Queries + Forecasting + Charts + Printing;
}
