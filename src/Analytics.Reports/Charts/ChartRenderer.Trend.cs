using System.Globalization;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Trend charts: actual values, the forecast and its interval band on the report's shared month axis.</summary>
public sealed partial class ChartRenderer
{
    private (Plot Plot, int Width, int Height) Trend(TrendChart chart)
    {
        var plot = NewPlot(chart);
        // A value that is not a number is no data, like a missing one.
        var actual = chart.Actual.Select(v => v is { } x && double.IsFinite(x) ? v : null).ToList();
        var top = 0.0;
        var legend = true;
        for (var i = 0; i < actual.Count;)
        {
            if (actual[i] is null)
            {
                i++;
                continue;
            }

            // Each run of months with data is its own line, so a month without coverage is a gap, not a drop to zero.
            var start = i;
            while (i < actual.Count && actual[i] is not null)
            {
                i++;
            }

            var ys = actual.Skip(start).Take(i - start).Select(v => v!.Value).ToArray();
            var line = plot.Add.Scatter(Enumerable.Range(start, ys.Length).Select(x => (double)x).ToArray(), ys, Color.FromHex(ChartPalette.Blue));
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = legend ? "Actual" : "";
            legend = false;
            top = Math.Max(top, ys.Max());
        }

        if (chart.Forecast.Points.Count > 0)
        {
            top = Math.Max(top, Forecast(plot, chart, actual));
        }

        var months = chart.Axis.Months;
        if (actual.Count < months)
        {
            // Where the history ends and the forecast begins.
            plot.Add.VerticalLine(actual.Count - 0.5, 1, Muted.WithAlpha(0.5));
        }

        plot.Axes.SetLimitsX(-0.5, months - 0.5);
        if (legend)
        {
            var empty = plot.Add.Text(chart.EmptyMessage, (months - 1) / 2.0, 0.5);
            empty.LabelFontSize = 12;
            empty.LabelFontColor = Muted;
            empty.LabelAlignment = Alignment.MiddleCenter;
            plot.Axes.SetLimitsY(0, 1);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        }
        else
        {
            // Headroom above the highest value for the legend, which sits inside the chart.
            plot.Axes.SetLimitsY(0, top <= 0 ? 1 : top * 1.3);
            plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
            plot.Legend.FontSize = 10;
            plot.Legend.FontName = _font;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.ShadowOffset = new PixelOffset(0, 0);
            plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.8);
        }

        plot.YLabel(chart.Unit);
        plot.Axes.Bottom.TickGenerator = MonthTicks(chart.Axis);

        // Room on the right so that the last month's label is not cut off.
        plot.Axes.Right.MinimumSize = 24;
        return (plot, 640, 240);
    }

    /// <summary>
    /// The forecast joined to the last actual month, over its shaded interval; returns its highest value. It is told
    /// apart by colour, open markers and the band rather than by dashes, which Skia's SVG output does not support.
    /// </summary>
    private static double Forecast(Plot plot, TrendChart chart, List<double?> actual)
    {
        var history = actual.Count;
        var xs = new List<double>();
        var values = new List<double>();
        var lower = new List<double>();
        var upper = new List<double>();
        if (actual[^1] is { } last)
        {
            xs.Add(history - 1);
            values.Add(last);
            lower.Add(last);
            upper.Add(last);
        }

        foreach (var point in chart.Forecast.Points.Where(p => history - 1 + p.Step < chart.Axis.Months && double.IsFinite(p.Value) && double.IsFinite(p.Lower) && double.IsFinite(p.Upper)))
        {
            xs.Add(history - 1 + point.Step);
            values.Add(point.Value);
            lower.Add(Math.Max(0, point.Lower));
            upper.Add(point.Upper);
        }

        if (xs.Count == 0)
        {
            return 0;
        }

        var band = plot.Add.FillY([.. xs], [.. lower], [.. upper]);
        band.FillColor = Color.FromHex(ChartPalette.Orange).WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "80% interval";
        var line = plot.Add.Scatter(xs.ToArray(), values.ToArray(), Color.FromHex(ChartPalette.Orange));
        line.LineWidth = 2;
        line.MarkerSize = 6;
        line.MarkerShape = MarkerShape.OpenCircle;
        line.LegendText = "Forecast";
        return upper.Max();
    }

    /// <summary>A label at the first month of each quarter ("Jan 25"), so that 30 months stay readable.</summary>
    private static ScottPlot.TickGenerators.NumericManual MonthTicks(MonthAxis axis)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < axis.Months; i++)
        {
            var month = axis.Month(i);
            if (month.Month % 3 == 1)
            {
                ticks.AddMajor(i, month.ToString("MMM yy", CultureInfo.InvariantCulture));
            }
            else
            {
                ticks.AddMinor(i);
            }
        }

        return ticks;
    }
}
