using System.Text.RegularExpressions;
using Analytics.Reports.Charts;
using Analytics.Reports.Forecasting;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Tests;

public sealed partial class ChartRendererTests
{
    private static readonly MonthAxis Axis = new(new DateOnly(2025, 1, 1), 18);
    private readonly ChartRenderer _renderer = new(Options.Create(new ReportOptions()));

    [Fact]
    public void Every_chart_kind_draws_an_accessible_svg_in_the_report_font()
    {
        var forecast = new Forecaster().Forecast(Enumerable.Range(0, 12).Select(i => (double?)(10 + i)).ToList(), 6, 12);
        var specs = new ChartSpec[]
        {
            new TrendChart("Forecast", "a forecast", "per day", Axis, [.. Enumerable.Range(0, 12).Select(i => (double?)(10 + i))], forecast, "nothing"),
            new BarChart("Bars", "some bars", "count", [new("ci", 3), new("docs", 5)]),
            new BarChart("Columns", "some columns", "count", [new("W1", 3), new("W2", 5)], Horizontal: false),
            new HeatmapChart("Heatmap", "a heatmap & more", [new("Team A", "Flow", 3.5), new("Team A", "Docs", null)], 1, 5),
        };

        var svgs = _renderer.Render(specs, CancellationToken.None);

        Assert.Equal(4, svgs.Count);
        Assert.All(svgs, svg => Assert.Matches("^<svg role=\"img\" aria-label=\"[^\"]+\" viewBox=\"0 0 \\d+ \\d+\"", svg));
        Assert.All(svgs, svg => Assert.Contains("DejaVu Sans", svg, StringComparison.Ordinal));
        Assert.Contains("<title>Forecast</title><desc>a forecast</desc>", svgs[0], StringComparison.Ordinal);
        Assert.Contains("aria-label=\"a heatmap &amp; more\"", svgs[3], StringComparison.Ordinal);
        Assert.Contains(ChartPalette.Orange, svgs[0], StringComparison.OrdinalIgnoreCase);
        Assert.Matches(">\\s*—\\s*</text>", svgs[3]);
    }

    [Fact]
    public void Months_without_data_are_gaps_in_the_line_not_zeros()
    {
        double?[] actual = [null, null, null, 4, 5, 6, null, 7, 8, 9, 8, 7];
        var chart = new TrendChart("Deployments per day", "d", "per day", Axis, actual, SeriesForecast.None("too short"), "nothing");

        var svg = _renderer.Render(chart);

        // Two runs of months with data: two separate lines, none of them reaching down to zero for the empty months.
        Assert.Equal(2, BlueLines().Count(svg));
    }

    [Fact]
    public void A_series_without_any_data_says_why_instead_of_drawing_a_flat_line()
    {
        var chart = new TrendChart("Deployments per day", "d", "per day", Axis, [.. Enumerable.Repeat<double?>(null, 12)], SeriesForecast.None("no data"), "No production deployments recorded for this team in these months.");

        var svg = _renderer.Render(chart);

        Assert.Contains("No production deployments recorded for this team in these months.", svg, StringComparison.Ordinal);
        Assert.Equal(0, BlueLines().Count(svg));
    }

    [Fact]
    public void Every_trend_chart_spans_the_same_months()
    {
        var early = _renderer.Render(new TrendChart("A", "a", "h", Axis, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], SeriesForecast.None("x"), "-"));
        var late = _renderer.Render(new TrendChart("B", "b", "h", Axis, [null, null, null, null, null, null, null, null, 9, 10, 11, 12], SeriesForecast.None("x"), "-"));

        // The same month labels at the same places, whatever months have data.
        Assert.Equal(MonthLabels().Matches(early).Select(m => m.Value), MonthLabels().Matches(late).Select(m => m.Value));
        Assert.Matches("viewBox=\"0 0 640 240\"", late);
        Assert.Equal(["Jan 25", "Apr 25", "Jul 25", "Oct 25", "Jan 26", "Apr 26"], MonthLabels().Matches(early).Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void A_heatmap_whose_every_cell_is_suppressed_draws_its_dashes()
    {
        var svg = _renderer.Render(new HeatmapChart("DevEx", "all too small", [new("Team A", "Flow", null), new("Team A", "Docs", null)], 1, 5));

        Assert.Equal(2, Regex.Count(svg, ">\\s*—\\s*</text>"));
    }

    [Fact]
    public void A_missing_chart_font_is_a_clear_error()
    {
        var error = Assert.Throws<ReportException>(() => new ChartRenderer(Options.Create(new ReportOptions { ChartFont = "No Such Font 42" })));
        Assert.StartsWith("The chart font 'No Such Font 42' is not installed", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A line of actual values in the plot area (the legend's sample is outside any clip path).</summary>
    [GeneratedRegex("<g clip-path=[^>]*>\\s*<path[^>]*stroke=\"#0072B2\"", RegexOptions.IgnoreCase)]
    private static partial Regex BlueLines();

    [GeneratedRegex("<text[^>]*>\\s*([A-Z][a-z]{2} \\d\\d)\\s*</text>")]
    private static partial Regex MonthLabels();
}
