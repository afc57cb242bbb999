using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Bar charts with their values printed beside each bar.</summary>
public sealed partial class ChartRenderer
{
    private (Plot Plot, int Width, int Height) Bars(BarChart chart)
    {
        var plot = NewPlot(chart);
        var ordered = chart.Horizontal ? chart.Bars.OrderByDescending(b => b.Value).ToList() : chart.Bars.ToList();
        var count = ordered.Count;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            // Horizontal: the longest bar on top, so positions count down.
            var position = chart.Horizontal ? count - 1 - i : i;
            bars.Add(new Bar { Position = position, Value = ordered[i].Value, FillColor = Color.FromHex(ChartPalette.Blue), LineWidth = 0, Label = Format(ordered[i].Value, chart.Format) });
            ticks.AddMajor(position, ordered[i].Category);
        }

        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = chart.Horizontal;
        plottable.ValueLabelStyle.FontSize = 10;
        plottable.ValueLabelStyle.FontName = _font;
        plottable.ValueLabelStyle.ForeColor = Ink;
        var top = Math.Max(1, ordered.Count == 0 ? 0 : ordered.Max(b => b.Value)) * 1.15;
        if (chart.Horizontal)
        {
            plot.Axes.Left.TickGenerator = ticks;
            plot.Axes.SetLimits(0, top, -0.6, count - 0.4);
            plot.XLabel(chart.ValueTitle);
            plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
            return (plot, 560, 70 + (26 * Math.Max(2, count)));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        if (count > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        }

        plot.Axes.SetLimits(-0.6, count - 0.4, 0, top);
        plot.YLabel(chart.ValueTitle);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 16;
        return (plot, 640, 240);
    }
}
