using Analytics.Reports.Charts;
using Analytics.Reports.Forecasting;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

public sealed class ChartRendererTests
{
    [Fact]
    public async Task Every_chart_kind_draws_to_svg_with_its_description()
    {
        var forecast = new Forecaster().Forecast(Enumerable.Range(0, 12).Select(i => (double?)(10 + i)).ToList(), 3, 12);
        var specs = new[]
        {
            ChartSpecs.Line("Line", "a line", "per day", [new("Jan", 1), new("Feb", 2), new("Mar", null)]),
            ChartSpecs.LineWithForecast("Forecast", "a forecast", "per day", [.. Enumerable.Range(0, 12).Select(i => new ChartSpecs.Point($"M{i}", 10 + i))], ["F1", "F2", "F3"], forecast),
            ChartSpecs.Bars("Bars", "some bars", "count", [new("ci", 3), new("docs", 5)]),
            ChartSpecs.StackedBars("Stacked", "stacked bars", "count", [new("W1", "a", 1), new("W1", "b", 2)]),
            ChartSpecs.Heatmap("Heatmap", "a heatmap", [new("Team A", "Flow", 3.5), new("Team A", "Docs", null)], 1, 5),
            ChartSpecs.Sparkline("a sparkline", [1, 3, 2]),
        };
        var svgs = await new ChartRenderer(Options.Create(new ReportOptions())).RenderAsync(specs, CancellationToken.None);

        Assert.Equal(6, svgs.Count);
        Assert.All(svgs, svg => Assert.StartsWith("<svg", svg, StringComparison.Ordinal));
        Assert.Contains("aria-label=\"a forecast\"", svgs[1], StringComparison.Ordinal);
        Assert.Contains(ChartPalette.Orange, svgs[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">—</text>", svgs[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_node_is_a_clear_error()
    {
        var renderer = new ChartRenderer(Options.Create(new ReportOptions { NodePath = "/nonexistent/node" }));
        var error = await Assert.ThrowsAsync<ReportException>(() => renderer.RenderAsync([ChartSpecs.Sparkline("x", [1, 2])], CancellationToken.None));
        Assert.StartsWith("Node.js was not found ('/nonexistent/node')", error.Message, StringComparison.Ordinal);
    }
}
