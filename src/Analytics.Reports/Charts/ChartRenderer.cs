using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// Draws chart specifications to SVG in process with ScottPlot. The SVG goes into the HTML as is, so web pages and
/// the PDF show the same vector charts (real text, not pictures of it) and need no script. Text is set in
/// <see cref="ReportOptions.ChartFont"/>, the font the report's page uses: ScottPlot's default "Sans" can resolve
/// to a serif face.
/// </summary>
public sealed partial class ChartRenderer
{
    private static readonly Color Ink = Color.FromHex("#1b1b1f");
    private static readonly Color Muted = Color.FromHex("#4a4a55");
    private static readonly Color Grid = Color.FromHex("#e4e4e8");
    private static readonly Lock FontLock = new();
    private readonly string _font;

    /// <summary>Creates the renderer; throws <see cref="ReportException"/> when the chart font cannot be found.</summary>
    public ChartRenderer(IOptions<ReportOptions> options)
    {
        _font = options.Value.ChartFont;
        lock (FontLock)
        {
            if (options.Value.ChartFontFile is { Length: > 0 } file)
            {
                if (!File.Exists(file))
                {
                    throw new ReportException($"The chart font file {file} does not exist (Pulse:Reports:ChartFontFile).");
                }

                Fonts.AddFontFile(_font, file);
            }

            var found = Fonts.GetTypeface(_font, bold: false, italic: false).FamilyName;
            if (!string.Equals(found, _font, StringComparison.OrdinalIgnoreCase))
            {
                throw new ReportException($"The chart font '{_font}' is not installed (it resolved to '{found}'). Install it (Debian: apt-get install -y fonts-dejavu-core) or set Pulse:Reports:ChartFontFile.");
            }

            Fonts.Default = _font;
        }
    }

    /// <summary>Draws each specification, in order.</summary>
    public IReadOnlyList<string> Render(IReadOnlyList<ChartSpec> specs, CancellationToken cancellationToken)
    {
        var svgs = new List<string>(specs.Count);
        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            svgs.Add(Render(spec));
        }

        return svgs;
    }

    /// <summary>Draws one specification.</summary>
    public string Render(ChartSpec spec)
    {
        var (plot, width, height) = spec switch
        {
            TrendChart trend => Trend(trend),
            SparklineChart sparkline => Sparkline(sparkline),
            BarChart bars => Bars(bars),
            HeatmapChart heatmap => Heatmap(heatmap),
            IntervalChart interval => Interval(interval),
            _ => throw new ArgumentException($"No renderer for {spec.GetType().Name}.", nameof(spec)),
        };
        return Accessible(plot.GetSvgXml(width, height), spec, width, height);
    }

    private Plot NewPlot(ChartSpec spec)
    {
        var plot = new Plot();
        plot.Font.Set(_font);
        plot.Title(spec.Title, 13);
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Grid;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Top })
        {
            axis.TickLabelStyle.FontSize = 11;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.Label.FontSize = 11;
            axis.Label.Bold = false;
        }

        return plot;
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// Names the drawing for screen readers (role img, the description as its label, title and desc elements) and
    /// gives it a viewBox so that the page can scale it to its column.
    /// </summary>
    private static string Accessible(string svg, ChartSpec spec, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var open = start < 0 ? -1 : svg.IndexOf('>', start);
        if (open < 0)
        {
            throw new ReportException($"The chart '{spec.Title}' was drawn without an SVG element.");
        }

        var title = WebUtility.HtmlEncode(spec.Title);
        var description = WebUtility.HtmlEncode(spec.Description);
        var attributes = svg[(start + 4)..open].TrimEnd('/');
        var viewBox = attributes.Contains("viewBox", StringComparison.Ordinal) ? "" : $" viewBox=\"0 0 {width} {height}\"";
        return $"<svg role=\"img\" aria-label=\"{description}\"{viewBox}{attributes}><title>{title}</title><desc>{description}</desc>{svg[(open + 1)..]}";
    }
}
