namespace Analytics.Reports.Charts;

/// <summary>Bars with their value printed at the end: horizontal (longest first) or vertical (in the given order).</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Description">What it shows.</param>
/// <param name="ValueTitle">The value axis' title.</param>
/// <param name="Bars">The bars.</param>
/// <param name="Format">How each value is printed (a .NET format, for example "0.0").</param>
/// <param name="Horizontal">Categories down the side, longest bar first; otherwise along the bottom in order.</param>
public sealed record BarChart(string Title, string Description, string ValueTitle, IReadOnlyList<BarChart.Bar> Bars, string Format = "#,0", bool Horizontal = true)
    : ChartSpec(Title, Description)
{
    /// <inheritdoc />
    public override string? InWords => Bars.Count == 1
        ? $"{Title}: {Bars[0].Category}, {Bars[0].Value.ToString(Format, System.Globalization.CultureInfo.InvariantCulture)} {ValueTitle}; there is only the one, so it is not charted."
        : null;

    /// <summary>A value per category.</summary>
    public sealed record Bar(string Category, double Value);
}
