namespace Analytics.Reports.Charts;

/// <summary>
/// One value per labelled point (for example per survey wave) joined by a line, over the shaded band of its interval
/// (for example the 95% margin of error).
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Unit">The y-axis title.</param>
/// <param name="Points">The points, in order along the x-axis.</param>
/// <param name="Low">The lowest value the measure can take (the y-axis does not go below it).</param>
/// <param name="High">The highest value the measure can take.</param>
/// <param name="BandLabel">The band's legend entry, for example "95% margin".</param>
public sealed record IntervalChart(string Title, string Description, string Unit, IReadOnlyList<IntervalChart.Point> Points, double Low, double High, string BandLabel)
    : ChartSpec(Title, Description)
{
    /// <inheritdoc />
    public override string? InWords => Points.Count == 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Title}: {Points[0].Label}, {Points[0].Value:0} ({Points[0].Lower:0} to {Points[0].Upper:0}); there is only the one, so it is not charted.")
        : null;

    /// <summary>A value and its interval.</summary>
    public sealed record Point(string Label, double Value, double Lower, double Upper);
}
