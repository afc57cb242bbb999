namespace Analytics.Reports.Charts;

/// <summary>
/// A grid of values (rows × columns, in the order they first appear) coloured from <paramref name="Low"/> to
/// <paramref name="High"/>, with each value printed in its cell; a missing or suppressed cell is grey with a dash.
/// </summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="Cells">The cells.</param>
/// <param name="Low">The value of the lightest colour.</param>
/// <param name="High">The value of the darkest colour.</param>
public sealed record HeatmapChart(string Title, string Description, IReadOnlyList<HeatmapChart.Cell> Cells, double Low, double High)
    : ChartSpec(Title, Description)
{
    /// <summary>A cell; a null value is a group too small to report or without answers.</summary>
    public sealed record Cell(string Row, string Column, double? Value);
}
