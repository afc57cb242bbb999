using System.Text.Json.Nodes;
using Analytics.Reports.Forecasting;

namespace Analytics.Reports.Charts;

/// <summary>
/// Vega-Lite specifications built on the server from metric results: line, line with a forecast and its interval
/// band, bar, stacked bar, heatmap and sparkline. Every chart has a title and a description (read by screen
/// readers as the SVG's label), readable axis labels and the colour-blind-safe <see cref="ChartPalette"/>.
/// </summary>
public static class ChartSpecs
{
    private const string Schema = "https://vega.github.io/schema/vega-lite/v6.json";

    /// <summary>A point of a time series: its period label and value (null = no data).</summary>
    public sealed record Point(string Period, double? Value);

    /// <summary>A value per category.</summary>
    public sealed record Bar(string Category, double Value);

    /// <summary>A stacked bar's part.</summary>
    public sealed record Segment(string Category, string Part, double Value);

    /// <summary>A heatmap cell; a null value is a suppressed or missing cell, drawn hatched-grey with a dash.</summary>
    public sealed record Cell(string Row, string Column, double? Value);

    /// <summary>A line over periods.</summary>
    public static JsonObject Line(string title, string description, string yTitle, IReadOnlyList<Point> points) =>
        Base(title, description, 520, 200, Values(points.Where(p => p.Value is not null).Select(p => new JsonObject { ["period"] = p.Period, ["value"] = p.Value })),
            new JsonObject
            {
                ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true, ["color"] = ChartPalette.Blue },
                ["encoding"] = new JsonObject { ["x"] = PeriodAxis(points), ["y"] = ValueAxis(yTitle) },
            });

    /// <summary>Actual values as a solid line, then the forecast dashed with its interval as a band.</summary>
    public static JsonObject LineWithForecast(string title, string description, string yTitle, IReadOnlyList<Point> actual, IReadOnlyList<string> forecastPeriods, SeriesForecast forecast)
    {
        var rows = actual.Where(p => p.Value is not null).Select(p => new JsonObject { ["period"] = p.Period, ["value"] = p.Value, ["kind"] = "Actual" }).ToList();
        var last = actual.LastOrDefault(p => p.Value is not null);
        if (last is not null && forecast.Points.Count > 0)
        {
            // The forecast line starts at the last actual point so that the two join.
            rows.Add(new JsonObject { ["period"] = last.Period, ["value"] = last.Value, ["kind"] = "Forecast", ["lower"] = last.Value, ["upper"] = last.Value });
        }

        foreach (var point in forecast.Points)
        {
            rows.Add(new JsonObject { ["period"] = forecastPeriods[point.Step - 1], ["value"] = point.Value, ["kind"] = "Forecast", ["lower"] = Math.Max(0, point.Lower), ["upper"] = point.Upper });
        }

        var periods = actual.Select(p => p.Period).Concat(forecastPeriods.Take(forecast.Points.Count)).ToList();
        var x = new JsonObject { ["field"] = "period", ["type"] = "ordinal", ["sort"] = new JsonArray([.. periods.Select(p => JsonValue.Create(p))]), ["title"] = null, ["axis"] = new JsonObject { ["labelAngle"] = -45, ["labelFontSize"] = 10 } };
        var spec = Base(title, description, 520, 200, Values(rows), new JsonObject
        {
            ["layer"] = new JsonArray
            {
                new JsonObject
                {
                    ["transform"] = new JsonArray { new JsonObject { ["filter"] = "datum.kind === 'Forecast'" } },
                    ["mark"] = new JsonObject { ["type"] = "area", ["opacity"] = 0.25, ["color"] = ChartPalette.Orange },
                    ["encoding"] = new JsonObject { ["x"] = x.DeepClone(), ["y"] = new JsonObject { ["field"] = "lower", ["type"] = "quantitative", ["title"] = yTitle }, ["y2"] = new JsonObject { ["field"] = "upper" } },
                },
                new JsonObject
                {
                    ["mark"] = new JsonObject { ["type"] = "line", ["point"] = true },
                    ["encoding"] = new JsonObject
                    {
                        ["x"] = x.DeepClone(),
                        ["y"] = ValueAxis(yTitle),
                        ["color"] = new JsonObject
                        {
                            ["field"] = "kind", ["type"] = "nominal", ["title"] = null,
                            ["scale"] = new JsonObject { ["domain"] = new JsonArray("Actual", "Forecast"), ["range"] = new JsonArray(ChartPalette.Blue, ChartPalette.Orange) },
                            ["legend"] = new JsonObject { ["orient"] = "top" },
                        },
                        ["strokeDash"] = new JsonObject
                        {
                            ["field"] = "kind", ["type"] = "nominal", ["legend"] = null,
                            ["scale"] = new JsonObject { ["domain"] = new JsonArray("Actual", "Forecast"), ["range"] = new JsonArray(new JsonArray(1, 0), new JsonArray(5, 3)) },
                        },
                    },
                },
            },
        });
        return spec;
    }

    /// <summary>Horizontal bars, longest first.</summary>
    public static JsonObject Bars(string title, string description, string xTitle, IReadOnlyList<Bar> bars, string? format = null) =>
        Base(title, description, 420, Math.Max(60, 22 * bars.Count), Values(bars.Select(b => new JsonObject { ["category"] = b.Category, ["value"] = b.Value })),
            new JsonObject
            {
                ["layer"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "bar", ["color"] = ChartPalette.Blue },
                        ["encoding"] = new JsonObject
                        {
                            ["y"] = new JsonObject { ["field"] = "category", ["type"] = "nominal", ["sort"] = "-x", ["title"] = null, ["axis"] = new JsonObject { ["labelLimit"] = 220 } },
                            ["x"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["title"] = xTitle, ["axis"] = format is null ? null : new JsonObject { ["format"] = format } },
                        },
                    },
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "text", ["align"] = "left", ["dx"] = 3, ["fontSize"] = 10 },
                        ["encoding"] = new JsonObject
                        {
                            ["y"] = new JsonObject { ["field"] = "category", ["type"] = "nominal", ["sort"] = "-x" },
                            ["x"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                            ["text"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["format"] = format ?? ",.0f" },
                        },
                    },
                },
            });

    /// <summary>Vertical bars split into parts, in the order the categories first appear.</summary>
    public static JsonObject StackedBars(string title, string description, string yTitle, IReadOnlyList<Segment> segments) =>
        Base(title, description, 520, 200, Values(segments.Select(s => new JsonObject { ["category"] = s.Category, ["part"] = s.Part, ["value"] = s.Value })),
            new JsonObject
            {
                ["mark"] = "bar",
                ["encoding"] = new JsonObject
                {
                    ["x"] = new JsonObject { ["field"] = "category", ["type"] = "ordinal", ["title"] = null, ["sort"] = Order(segments.Select(s => s.Category)), ["axis"] = new JsonObject { ["labelAngle"] = -45 } },
                    ["y"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["title"] = yTitle, ["stack"] = "zero" },
                    ["color"] = new JsonObject
                    {
                        ["field"] = "part", ["type"] = "nominal", ["title"] = null,
                        ["scale"] = new JsonObject { ["range"] = new JsonArray([.. ChartPalette.Categorical.Select(c => JsonValue.Create(c))]) },
                        ["legend"] = new JsonObject { ["orient"] = "top" },
                    },
                },
            });

    /// <summary>A grid of values (rows × columns, in the order they first appear) with the value printed in each cell; empty cells are marked "—".</summary>
    public static JsonObject Heatmap(string title, string description, IReadOnlyList<Cell> cells, double low, double high, string format = ".1f")
    {
        var rows = cells.Select(c => c.Row).Distinct().Count();
        var columns = cells.Select(c => c.Column).Distinct().Count();
        return Base(title, description, Math.Max(240, 90 * columns), Math.Max(60, 24 * rows),
            Values(cells.Select(c => new JsonObject { ["row"] = c.Row, ["column"] = c.Column, ["value"] = c.Value, ["label"] = c.Value is { } v ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "—" })),
            new JsonObject
            {
                ["encoding"] = new JsonObject
                {
                    ["x"] = new JsonObject { ["field"] = "column", ["type"] = "nominal", ["title"] = null, ["sort"] = Order(cells.Select(c => c.Column)), ["axis"] = new JsonObject { ["orient"] = "top", ["labelAngle"] = 0, ["labelLimit"] = 150 } },
                    ["y"] = new JsonObject { ["field"] = "row", ["type"] = "nominal", ["title"] = null, ["sort"] = Order(cells.Select(c => c.Row)), ["axis"] = new JsonObject { ["labelLimit"] = 180 } },
                },
                ["layer"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "rect", ["stroke"] = "white" },
                        ["encoding"] = new JsonObject
                        {
                            ["color"] = new JsonObject
                            {
                                ["condition"] = new JsonObject { ["test"] = "datum.value === null", ["value"] = "#e6e6e6" },
                                ["field"] = "value", ["type"] = "quantitative", ["title"] = null, ["format"] = format,
                                ["scale"] = new JsonObject { ["scheme"] = "blues", ["domain"] = new JsonArray(low, high) },
                            },
                        },
                    },
                    new JsonObject
                    {
                        ["mark"] = new JsonObject { ["type"] = "text", ["fontSize"] = 10 },
                        ["encoding"] = new JsonObject
                        {
                            ["text"] = new JsonObject { ["field"] = "label" },
                            ["color"] = new JsonObject { ["condition"] = new JsonObject { ["test"] = $"datum.value !== null && datum.value > {(low + ((high - low) * 0.6)).ToString(System.Globalization.CultureInfo.InvariantCulture)}", ["value"] = "white" }, ["value"] = "#1b1b1f" },
                        },
                    },
                },
            });
    }

    /// <summary>A small line without axes, for a headline figure.</summary>
    public static JsonObject Sparkline(string description, IReadOnlyList<double> values)
    {
        var spec = Base(null, description, 110, 28, Values(values.Select((v, i) => new JsonObject { ["i"] = i, ["value"] = v })), new JsonObject
        {
            ["mark"] = new JsonObject { ["type"] = "line", ["color"] = ChartPalette.Blue, ["strokeWidth"] = 1.5 },
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["field"] = "i", ["type"] = "quantitative", ["axis"] = null },
                ["y"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["axis"] = null, ["scale"] = new JsonObject { ["zero"] = false } },
            },
        });
        spec["config"]!["view"] = new JsonObject { ["stroke"] = null };
        spec["padding"] = 2;
        return spec;
    }

    private static JsonObject Base(string? title, string description, int width, int height, JsonArray values, JsonObject body)
    {
        var spec = new JsonObject
        {
            ["$schema"] = Schema,
            ["description"] = description,
            ["width"] = width,
            ["height"] = height,
            ["data"] = new JsonObject { ["values"] = values },
            ["config"] = new JsonObject
            {
                ["font"] = "DejaVu Sans",
                ["axis"] = new JsonObject { ["labelFontSize"] = 11, ["titleFontSize"] = 11, ["labelColor"] = "#1b1b1f", ["titleColor"] = "#1b1b1f", ["gridColor"] = "#e4e4e8" },
                ["legend"] = new JsonObject { ["labelFontSize"] = 11 },
                ["title"] = new JsonObject { ["fontSize"] = 13, ["anchor"] = "start", ["color"] = "#1b1b1f" },
                ["view"] = new JsonObject { ["stroke"] = "transparent" },
            },
        };
        if (title is not null)
        {
            spec["title"] = title;
        }

        foreach (var (key, value) in body)
        {
            spec[key] = value?.DeepClone();
        }

        return spec;
    }

    private static JsonArray Values(IEnumerable<JsonObject> rows) => new([.. rows]);

    private static JsonArray Order(IEnumerable<string> labels) => new([.. labels.Distinct().Select(l => JsonValue.Create(l))]);

    private static JsonObject PeriodAxis(IReadOnlyList<Point> points) => new()
    {
        ["field"] = "period", ["type"] = "ordinal", ["title"] = null,
        ["sort"] = new JsonArray([.. points.Select(p => JsonValue.Create(p.Period))]),
        ["axis"] = new JsonObject { ["labelAngle"] = -45, ["labelFontSize"] = 10 },
    };

    private static JsonObject ValueAxis(string title) => new() { ["field"] = "value", ["type"] = "quantitative", ["title"] = title };
}
