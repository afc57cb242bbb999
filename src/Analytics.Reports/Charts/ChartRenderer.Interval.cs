using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>A line of values over the shaded band of their intervals, one labelled point each.</summary>
public sealed partial class ChartRenderer
{
    private (Plot Plot, int Width, int Height) Interval(IntervalChart chart)
    {
        var plot = NewPlot(chart);
        var xs = Enumerable.Range(0, chart.Points.Count).Select(i => (double)i).ToArray();
        var lower = chart.Points.Select(p => Math.Max(chart.Low, p.Lower)).ToArray();
        var upper = chart.Points.Select(p => Math.Min(chart.High, p.Upper)).ToArray();
        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = Color.FromHex(ChartPalette.Blue).WithAlpha(0.18);
        band.LineWidth = 0;
        band.LegendText = chart.BandLabel;
        var line = plot.Add.Scatter(xs, chart.Points.Select(p => p.Value).ToArray(), Color.FromHex(ChartPalette.Blue));
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.LegendText = chart.Unit;
        foreach (var (point, x) in chart.Points.Zip(xs))
        {
            var label = plot.Add.Text(Format(point.Value, "0"), x, point.Value);
            label.LabelFontSize = 10;
            label.LabelFontName = _font;
            label.LabelFontColor = Ink;
            label.LabelAlignment = Alignment.LowerCenter;
            label.OffsetY = -6;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (point, x) in chart.Points.Zip(xs))
        {
            ticks.AddMajor(x, point.Label);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-0.5, chart.Points.Count - 0.5);

        // Room above the band for the legend, within what the measure can be.
        var bottom = Math.Max(chart.Low, lower.Min() - 10);
        var top = Math.Min(chart.High, upper.Max() + ((upper.Max() - bottom) * 0.35));
        plot.Axes.SetLimitsY(bottom, top);
        plot.YLabel(chart.Unit);
        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        plot.Legend.FontSize = 10;
        plot.Legend.FontName = _font;
        plot.Legend.OutlineWidth = 0;
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.8);
        plot.Axes.Right.MinimumSize = 24;
        return (plot, 640, 240);
    }
}
