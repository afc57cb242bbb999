using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>Sparklines: a trend chart's lines and band at card size.</summary>
public sealed partial class ChartRenderer
{
    private (Plot Plot, int Width, int Height) Sparkline(SparklineChart chart)
    {
        var (plot, _, _) = Trend(chart.Trend);
        plot.Title("");
        plot.YLabel("");
        plot.HideLegend();
        plot.HideGrid();
        plot.Layout.Frameless();
        foreach (var line in plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>())
        {
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }

        return (plot, 240, 56);
    }
}
