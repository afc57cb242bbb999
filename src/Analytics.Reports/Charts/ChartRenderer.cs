using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Charts;

/// <summary>
/// Turns Vega-Lite specifications into SVG by running the vendored Vega and Vega-Lite under Node
/// (<c>charts/render-charts.cjs</c>), all of a report's charts in one process. The SVG goes into the HTML as is, so
/// web pages and the PDF show the same vector charts and need no script.
/// </summary>
public sealed class ChartRenderer(IOptions<ReportOptions> options)
{
    /// <summary>Renders each specification; throws <see cref="ReportException"/> naming what is missing or wrong.</summary>
    public async Task<IReadOnlyList<string>> RenderAsync(IReadOnlyList<JsonObject> specs, CancellationToken cancellationToken)
    {
        if (specs.Count == 0)
        {
            return [];
        }

        var folder = AppContext.BaseDirectory;
        var script = Path.Combine(folder, "charts", "render-charts.cjs");
        var vendor = Path.Combine(folder, "wwwroot", "vendor");
        if (!File.Exists(script) || !File.Exists(Path.Combine(vendor, "vega.min.js")))
        {
            throw new ReportException($"The chart libraries are missing from {folder}: build the project again (it fetches vega and vega-lite with npm).");
        }

        var start = new ProcessStartInfo(options.Value.NodePath, [script, vendor])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ReportException("Node could not be started to draw the charts.");
        }
        catch (Win32Exception)
        {
            throw new ReportException($"Node.js was not found ('{options.Value.NodePath}'); charts are drawn with it. Install it (Debian: apt-get install -y nodejs) or set Pulse:Reports:NodePath.");
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.ChartTimeout);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.StandardInput.WriteAsync(new JsonArray([.. specs.Select(s => s.DeepClone())]).ToJsonString().AsMemory(), timeout.Token);
                process.StandardInput.Close();
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new ReportException($"Drawing the charts took longer than {options.Value.ChartTimeout.TotalSeconds:N0} s and was stopped.");
            }

            if (process.ExitCode != 0)
            {
                throw new ReportException($"Drawing the charts failed: {(await errors).Trim()}");
            }

            var results = JsonNode.Parse(await output)?.AsArray() ?? throw new ReportException("The chart renderer returned nothing.");
            return results.Select((r, i) => r is JsonValue value && value.TryGetValue<string>(out var svg)
                ? Accessible(svg, specs[i])
                : throw new ReportException($"Chart {i + 1} ({specs[i]["title"]}) could not be drawn: {r?["error"]}")).ToList();
        }
    }

    /// <summary>Names the drawing for screen readers: role img, the description as its label, and title and desc elements.</summary>
    private static string Accessible(string svg, JsonObject spec)
    {
        var title = System.Net.WebUtility.HtmlEncode(spec["title"]?.ToString() ?? "Chart");
        var description = System.Net.WebUtility.HtmlEncode(spec["description"]?.ToString() ?? "");
        var open = svg.IndexOf('>', StringComparison.Ordinal);
        return open < 0 || !svg.StartsWith("<svg ", StringComparison.Ordinal)
            ? svg
            : $"<svg role=\"img\" aria-label=\"{description}\" {svg[5..open]}><title>{title}</title><desc>{description}</desc>{svg[(open + 1)..]}";
    }
}
