namespace Analytics.Reports;

/// <summary>Where a report's time went.</summary>
/// <param name="Queries">Running the metric queries.</param>
/// <param name="Forecasting">Fitting, backtesting and forecasting the series.</param>
/// <param name="Charts">Drawing the charts to SVG.</param>
/// <param name="Html">Writing the HTML.</param>
/// <param name="Printing">Printing the HTML to PDF in Chromium.</param>
public sealed record ReportTimings(TimeSpan Queries, TimeSpan Forecasting, TimeSpan Charts, TimeSpan Html, TimeSpan Printing)
{
    /// <summary>All of it.</summary>
    public TimeSpan Total => Queries + Forecasting + Charts + Html + Printing;
}
