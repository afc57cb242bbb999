namespace Analytics.Reports.Charts;

/// <summary>
/// What a chart shows, computed before any drawing: <see cref="TrendChart"/>, <see cref="BarChart"/> or
/// <see cref="HeatmapChart"/>. <see cref="ChartRenderer"/> draws it to SVG.
/// </summary>
/// <param name="Title">Printed above the chart and the SVG's title for screen readers.</param>
/// <param name="Description">What the chart shows in a sentence: the SVG's description and accessible name.</param>
public abstract record ChartSpec(string Title, string Description)
{
    /// <summary>The chart as a sentence when it would show a single bar or point, which says nothing a sentence cannot; otherwise null.</summary>
    public virtual string? InWords => null;
}
