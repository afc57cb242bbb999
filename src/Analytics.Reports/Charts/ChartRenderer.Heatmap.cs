using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Heatmaps with the value printed in each cell.</summary>
public sealed partial class ChartRenderer
{
    private static readonly Color MissingCell = Color.FromHex("#e6e6e6");

    private (Plot Plot, int Width, int Height) Heatmap(HeatmapChart chart)
    {
        var plot = NewPlot(chart);
        var rows = chart.Cells.Select(c => c.Row).Distinct().ToList();
        var columns = chart.Cells.Select(c => c.Column).Distinct().ToList();
        var values = new double[rows.Count, columns.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                values[r, c] = double.NaN;
            }
        }

        // Light for low values to dark for high ones (ScottPlot's Blues runs the other way).
        var colormap = new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#eff6fc"), Color.FromHex("#6baed6"), Color.FromHex("#08306b")]);
        var dark = chart.Low + ((chart.High - chart.Low) * 0.6);
        foreach (var cell in chart.Cells)
        {
            int r = rows.IndexOf(cell.Row), c = columns.IndexOf(cell.Column);
            values[r, c] = cell.Value ?? double.NaN;

            // Row 0 is drawn at the top.
            var label = plot.Add.Text(cell.Value is { } v ? Format(v, "0.0") : "—", c + 0.5, rows.Count - r - 0.5);
            label.LabelFontSize = 10;
            label.LabelFontName = _font;
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = cell.Value > dark ? Colors.White : Ink;
        }

        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = new ScottPlot.Range(chart.Low, chart.High);
        heatmap.NaNCellColor = MissingCell;
        heatmap.Position = new CoordinateRect(0, columns.Count, 0, rows.Count);

        // Cells as vector rectangles rather than a tiny bitmap that a browser smooths into a blur.
        heatmap.RenderStrategy = new ScottPlot.Plottables.Heatmap.RenderStrategies.Rectangles();

        // The cells were added after their labels; draw the labels on top.
        plot.MoveToBack(heatmap);

        var left = new ScottPlot.TickGenerators.NumericManual();
        for (var r = 0; r < rows.Count; r++)
        {
            left.AddMajor(rows.Count - r - 0.5, rows[r]);
        }

        var top = new ScottPlot.TickGenerators.NumericManual();
        for (var c = 0; c < columns.Count; c++)
        {
            top.AddMajor(c + 0.5, columns[c]);
        }

        plot.Axes.Left.TickGenerator = left;
        plot.Axes.Top.TickGenerator = top;
        plot.Axes.Top.IsVisible = true;
        plot.Axes.Top.TickLabelStyle.IsVisible = true;
        plot.Axes.Top.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.HideGrid();
        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.SetLimits(0, columns.Count, 0, rows.Count);

        // The column headings' axis has its own range: the same as the cells'.
        plot.Axes.Top.Range.Set(0, columns.Count);
        return (plot, Math.Max(360, 180 + (110 * columns.Count)), 80 + (26 * rows.Count));
    }
}
