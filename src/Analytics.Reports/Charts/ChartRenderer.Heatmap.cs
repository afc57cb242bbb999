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

        // Light for low values to dark for high ones (ScottPlot's Blues runs the other way).
        var colormap = new ScottPlot.Colormaps.CustomInterpolated([Color.FromHex("#eff6fc"), Color.FromHex("#6baed6"), Color.FromHex("#08306b")]);
        var dark = chart.Low + ((chart.High - chart.Low) * 0.6);
        foreach (var cell in chart.Cells)
        {
            // Row 0 at the top. Each cell is a vector rectangle: ScottPlot's heatmap embeds a tiny bitmap that
            // browsers blur when they scale it, and cannot colour a grid whose every cell is missing.
            double x = columns.IndexOf(cell.Column), y = rows.Count - rows.IndexOf(cell.Row) - 1;
            var fill = cell.Value is { } value ? colormap.GetColor(Math.Clamp((value - chart.Low) / (chart.High - chart.Low), 0, 1)) : MissingCell;
            var rectangle = plot.Add.Rectangle(x, x + 1, y, y + 1);
            rectangle.FillColor = fill;
            rectangle.LineColor = Colors.White;
            rectangle.LineWidth = 2;

            var label = plot.Add.Text(cell.Value is { } v ? Format(v, "0.0") : "—", x + 0.5, y + 0.5);
            label.LabelFontSize = 10;
            label.LabelFontName = _font;
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = cell.Value > dark ? Colors.White : Ink;
        }

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
        return (plot, Math.Max(360, 180 + (90 * columns.Count)), 80 + (26 * rows.Count));
    }
}
