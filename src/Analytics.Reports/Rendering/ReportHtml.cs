using System.Text.Encodings.Web;
using System.Text.Unicode;
using Analytics.Reports.Building;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Reports.Rendering;

/// <summary>
/// The report as one HTML document, rendered from Razor components (<see cref="ReportDocument"/>, one component per
/// section) by <see cref="HtmlRenderer"/> outside any web request, so every value is encoded by Razor. The same
/// markup is served in the web app and printed to PDF. Charts are inline SVG (already drawn), so the document needs
/// no script; print rules in <c>report.css</c> give A4 pages, table headings repeated across pages and blocks kept whole.
/// </summary>
public static class ReportHtml
{
    // HtmlRenderer takes its encoder from the services: this one leaves letters such as "’" and "—" as they are
    // (the default would write &#x2019;), while still encoding markup characters.
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>Renders the report; <paramref name="stylesheet"/> is the address of <c>report.css</c>.</summary>
    public static Task<string> RenderAsync(QuarterlyReport report, string stylesheet) =>
        RenderAsync<ReportDocument>(new() { [nameof(ReportDocument.Report)] = report, [nameof(ReportDocument.Stylesheet)] = stylesheet });

    /// <summary>The header template Chromium prints on every page: the report's <see cref="Title"/>.</summary>
    public static Task<string> PageHeaderAsync(QuarterlyReport report) =>
        RenderAsync<PageHeader>(new() { [nameof(PageHeader.Title)] = Title(report) });

    /// <summary>The footer template Chromium prints on every page: "Page n of N".</summary>
    public static Task<string> PageFooterAsync() => RenderAsync<PageFooter>([]);

    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>The report's title: the page title, and the running header of the printed pages.</summary>
    public static string Title(QuarterlyReport report) =>
        $"{report.Organisation} · {report.Definition.Title} — {report.Quarter}" + (report.TeamName is null ? "" : $" — {report.TeamName}");

    /// <summary>A team's name in the possessive: "Payments’", "Atlas Core’s".</summary>
    public static string Possessive(string name) => name.EndsWith('s') ? name + "’" : name + "’s";
}
