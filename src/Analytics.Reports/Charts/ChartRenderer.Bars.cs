using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Bar charts with their values printed beside each bar.</summary>
public sealed partial class ChartRenderer
{
    private (Plot Plot, int Width, int Height) Bars(BarChart chart)
    {
        var plot = NewPlot(chart);
        var finite = chart.Bars.Where(b => double.IsFinite(b.Value));
        var ordered = chart.Horizontal ? finite.OrderByDescending(b => b.Value).ToList() : finite.ToList();
        var count = ordered.Count;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            // Horizontal: the longest bar on top, so positions count down.
            var position = chart.Horizontal ? count - 1 - i : i;
            bars.Add(new Bar { Position = position, Value = ordered[i].Value, FillColor = Color.FromHex(ChartPalette.Blue), LineWidth = 0, Label = Format(ordered[i].Value, chart.Format) });
            // Many columns (the weeks of a quarter) get every other label, level and readable, rather than crowded or slanted.
            if (chart.Horizontal || count <= 8 || i % 2 == 0)
            {
                ticks.AddMajor(position, ordered[i].Category);
            }
            else
            {
                ticks.AddMinor(position);
            }
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
        // Room for at least six columns, so that one or two do not swell to fill the chart.
        var pad = Math.Max(0, (6 - count) / 2.0);
        plot.Axes.SetLimits(-0.6 - pad, count - 0.4 + pad, 0, top);
        plot.YLabel(chart.ValueTitle);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        plot.Axes.Right.MinimumSize = 16;
        return (plot, 640, 240);
    }
}
