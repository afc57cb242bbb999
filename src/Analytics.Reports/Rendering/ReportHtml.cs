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
    public static async Task<string> RenderAsync(QuarterlyReport report, string stylesheet)
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(ReportDocument.Report)] = report,
                [nameof(ReportDocument.Stylesheet)] = stylesheet,
            });
            var output = await renderer.RenderComponentAsync<ReportDocument>(parameters);
            return output.ToHtmlString();
        });
    }

    /// <summary>The report's title: the page title, and the running header of the printed pages.</summary>
    public static string Title(QuarterlyReport report) =>
        $"{report.Organisation} · {report.Definition.Title} — {report.Quarter}" + (report.TeamName is null ? "" : $" — {report.TeamName}");

<<<<<<< HEAD
=======
    private static void Cover(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section class=\"cover\">\n<div>\n<p class=\"kicker\">").Append(E(r.Organisation)).Append("</p>\n<h1>").Append(E(r.Definition.Title)).Append("</h1>\n<p class=\"quarter\">")
            .Append(E(QuarterLabel(r))).Append(r.TeamName is null ? "" : " · " + E(r.TeamName)).Append("</p>\n");
        if (r.Progress is { } progress)
        {
            html.Append("<p class=\"note\"><strong>Quarter in progress.</strong> ").Append(E(InProgress(r, progress))).Append("</p>\n");
        }

        if (!r.HasData)
        {
            html.Append("<p class=\"note\"><strong>No data for this quarter.</strong> The database holds no deployments, survey answers or adoption records for ")
                .Append(E(QuarterLabel(r))).Append(", so this report has no figures. Data coverage is below and in the methodology.</p>\n");
        }

        html.Append("</div>\n<div>\n<p class=\"muted\">Generated ").Append(E(r.GeneratedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" by Pulse.</p>\n<h3>").Append(E(CoverageHeading(r))).Append("</h3>\n");
        CoverageTable(html, r);
        html.Append("</div>\n</section>\n");
    }

    private static void Summary(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Executive summary</h2>\n");
        if (r.TeamName is not null)
        {
            html.Append("<p class=\"muted\">Every figure in this report is ").Append(E(Possessive(r.TeamName))).Append(", except those marked “")
                .Append(E(ReportBuilder.ForComparison)).Append("”, which the data holds only for the whole organisation.</p>\n");
        }

        if (r.DoraLevel is not null)
        {
            html.Append("<p>").Append(r.TeamName is null ? "" : E(Possessive(r.TeamName)) + " ").Append("DORA performance level this quarter: <span class=\"level\">").Append(E(r.DoraLevel)).Append("</span></p>\n");
        }

        var (soFar, before) = r.Progress is { } progress ? ($" so far ({progress.DaysElapsed} of {progress.Days} days)", "same days last quarter") : ("", "last quarter");
        html.Append("<div class=\"kpis\">\n");
        foreach (var kpi in r.Kpis)
        {
            html.Append("<div class=\"kpi\"><div class=\"name\">").Append(E(kpi.Name)).Append("</div><div class=\"value\">").Append(E(kpi.Value))
                .Append(soFar.Length > 0 && kpi.Value != "—" ? $"<span class=\"muted so-far\">{E(soFar)}</span>" : "")
                .Append("</div><div class=\"change ").Append(kpi.Direction).Append("\">").Append(E(kpi.Change + (kpi.Direction is "better" or "worse" ? $", {kpi.Direction}" : ""))).Append(" <span class=\"muted\">(").Append(before).Append(' ')
                .Append(E(kpi.Previous)).Append(")</span></div>")
                .Append(kpi.Note is { } small ? $"<div class=\"muted note-small\">{E(small)}</div>" : "").Append("</div>\n");
        }

        html.Append("</div>\n<h3>Findings</h3>\n<ol class=\"findings\">\n");
        foreach (var finding in r.Findings)
        {
            html.Append("<li>").Append(E(finding)).Append("</li>\n");
        }

        html.Append("</ol>\n</section>\n");
    }

    private static void Delivery(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Delivery</h2>\n<p>Monthly DORA metrics over the last ").Append(r.Definition.HistoryQuarters).Append(" quarters, with a forecast for the next ")
            .Append(r.Definition.ForecastQuarters).Append(" quarters and its 80% prediction interval (shaded).")
            .Append(r.Progress is { Until.Day: > 1 } progress ? $" The month in progress is not charted: its {progress.Until.Day - 1} days so far would read as a fall; the forecast starts with it." : "").Append("</p>\n");
        foreach (var trend in r.Trends)
        {
            var next = trend.Forecast.Points.Count > 0 ? trend.Forecast.Points[0] : null;
            Figure(html, trend.Chart, next is null
                ? trend.Chart.Description
                : string.Create(CultureInfo.InvariantCulture, $"{trend.Chart.Description} Next month: {next.Value:0.##} ({next.Lower:0.##}–{next.Upper:0.##})."));
            if (trend.Forecast.Unavailable is { } reason)
            {
                html.Append("<p class=\"note\">").Append(E($"{trend.Metric}: {reason}.")).Append("</p>\n");
            }
        }

        if (r.TeamLevels.Count > 0)
        {
            html.Append("<h3>Teams</h3>\n").Append(r.Progress is { } teamsProgress ? $"<p class=\"muted\">So far this quarter: the first {teamsProgress.DaysElapsed} of {teamsProgress.Days} days.</p>\n" : "").Append("<table>\n<thead><tr><th scope=\"col\">Team</th><th scope=\"col\" class=\"number\">Deploys/day</th><th scope=\"col\" class=\"number\">Lead time (h)</th>")
                .Append("<th scope=\"col\" class=\"number\">Change failure</th><th scope=\"col\" class=\"number\">Recovery (h)</th><th scope=\"col\">Level</th></tr></thead>\n<tbody>\n");
            foreach (var t in r.TeamLevels)
            {
                html.Append("<tr><td>").Append(E(t.Team)).Append("</td><td class=\"number\">").Append(t.DeploysPerDay.ToString("0.00", CultureInfo.InvariantCulture))
                    .Append("</td><td class=\"number\">").Append(Num(t.LeadTimeHours, "0")).Append("</td><td class=\"number\">")
                    .Append(t.ChangeFailureRate is { } cfr ? (100 * cfr).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—").Append("</td><td class=\"number\">")
                    .Append(Num(t.RecoveryHours, "0.0")).Append("</td><td>").Append(E(t.Overall)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        Dora2025Html.Append(html, r);
        html.Append("</section>\n");
    }

    private static void Sentiment(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Developer sentiment</h2>\n");
        if (r.Nps is { Nps: { } nps } result)
        {
            html.Append("<p>Platform NPS: <strong>").Append(nps.ToString("0", CultureInfo.InvariantCulture)).Append("</strong>");
            if (result.MarginOfError is { } margin)
            {
                html.Append(" ± ").Append(margin.ToString("0.0", CultureInfo.InvariantCulture)).Append(" (95%, adjusted Wald)");
            }

            html.Append(" from ").Append(result.Respondents).Append(" respondents in ").Append(E(result.WaveName)).Append(" — ")
                .Append(result.PromoterPercent?.ToString("0", CultureInfo.InvariantCulture)).Append("% promoters, ")
                .Append(result.DetractorPercent?.ToString("0", CultureInfo.InvariantCulture)).Append("% detractors.");
            if (result.Change is { } change && result.ChangeZ is { } z)
            {
                html.Append(" Change on the previous wave: ").Append(change >= 0 ? "+" : "−").Append(Math.Abs(change).ToString("0", CultureInfo.InvariantCulture))
                    .Append(" points (z = ").Append(z.ToString("0.00", CultureInfo.InvariantCulture)).Append(Math.Abs(z) >= 1.96 ? ", significant at 95%)." : ", not significant at 95%).");
            }

            if (ReportBuilder.EveryoneAnswered(result, r.Team) is { } exact)
            {
                html.Append(' ').Append(E(exact));
            }

            html.Append("</p>\n");
        }
        else
        {
            html.Append("<p class=\"note\">No survey wave this quarter reached the ").Append(r.MinimumGroupSize).Append(" respondents needed to report NPS.</p>\n");
        }

        foreach (var chart in r.SentimentCharts)
        {
            Figure(html, chart, chart.Description);
        }

        html.Append("<h3>Top friction themes</h3>\n");
        if (r.ThemesNote is { } note)
        {
            html.Append("<p class=\"muted\">").Append(E(note)).Append("</p>\n");
        }

        foreach (var theme in r.Themes)
        {
            html.Append("<div class=\"theme\"><p><strong>").Append(E(theme.Label)).Append("</strong> — ").Append(theme.Count).Append(" answers</p>\n");
            foreach (var quote in theme.Quotes)
            {
                html.Append("<blockquote>").Append(E(quote)).Append("</blockquote>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Adoption(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Platform adoption</h2>\n");
        if (r.AdoptionFigures.Count > 0)
        {
            html.Append("<dl class=\"figures\">\n");
            foreach (var figure in r.AdoptionFigures)
            {
                html.Append("<dt>").Append(E(figure.Label)).Append("</dt><dd>").Append(E(figure.Value)).Append("</dd>\n");
            }

            html.Append("</dl>\n");
        }

        foreach (var chart in r.AdoptionCharts)
        {
            Figure(html, chart, chart.Description);
        }

        if (r.SelfServiceCandidates.Count > 0)
        {
            html.Append("<h3>").Append(r.Team is null ? "Candidates for self-service" : E($"Candidates for self-service — {ReportBuilder.ForComparison}"))
                .Append("</h3>\n<p>The request categories that cost the platform team most").Append(r.Team is null ? "" : ", across the whole organisation")
                .Append("; each is a candidate to automate or document.</p>\n")
                .Append("<table>\n<thead><tr><th scope=\"col\">Category</th><th scope=\"col\" class=\"number\">Requests</th><th scope=\"col\" class=\"number\">Median handling (h)</th><th scope=\"col\" class=\"number\">Effort (h)</th></tr></thead>\n<tbody>\n");
            foreach (var c in r.SelfServiceCandidates)
            {
                html.Append("<tr><td>").Append(E(c.Category)).Append("</td><td class=\"number\">").Append(c.Requests).Append("</td><td class=\"number\">")
                    .Append(Num(c.MedianHandlingHours, "0.0")).Append("</td><td class=\"number\">").Append(Num(c.EffortHours, "0")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void Onboarding(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Onboarding</h2>\n");
        if (r.OnboardingCharts.Count == 0)
        {
            html.Append("<p class=\"muted\">No engineer started in the cohorts this quarter covers, and no journey answers were given.</p>\n");
        }

        foreach (var chart in r.OnboardingCharts)
        {
            Figure(html, chart, chart.Description);
        }

        html.Append("</section>\n");
    }

    private static void Methodology(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<section>\n<h2>Methodology</h2>\n<h3>Definitions</h3>\n<p>Deployment frequency counts successful production deployments per day. Lead time runs from a change's first commit to the first production deployment containing it (median). Change failure rate is the share of production deployments that needed a rollback, hotfix or caused an incident. Recovery time runs from a failed deployment to the incident's resolution or the next healthy deployment (median). NPS is promoters minus detractors as a percentage of respondents, with an adjusted-Wald 95% margin of error; a change is significant when |z| ≥ 1.96. DevEx scores are means on a 1–5 scale. Full definitions: docs/metrics.md.</p>\n")
            .Append("<h3>Privacy</h3>\n<p>Survey results are shown only for groups of at least ").Append(r.MinimumGroupSize).Append(" respondents; ")
            .Append(r.SuppressedGroups).Append(" group figures were withheld this quarter, with the smallest other group where one could otherwise be worked out. Themes come only from groups of at least ")
            .Append(r.MinimumGroupSize).Append(" answers.</p>\n<h3>Forecasts</h3>\n<p>Each monthly series is forecast by singular spectrum analysis and by damped-trend exponential smoothing; the method with the lower error in a rolling-origin backtest (refit at each of the last months, forecasting what followed) is used. Errors are mean absolute scaled errors (MASE): below 1 beats a naive forecast. The seasonal-naive baseline (same month last year) is scored the same way. Series with fewer than six months of data get no forecast; missing months are interpolated. Forecasts and their intervals stay within what a metric can be: counts and durations are forecast on the log scale, so never below zero, and the change failure rate on the logit scale, so within 0–100%; the intervals are therefore uneven around the forecast.</p>\n")
            .Append("<table>\n<thead><tr><th scope=\"col\">Series</th><th scope=\"col\">Method</th><th scope=\"col\" class=\"number\">Backtest MASE</th><th scope=\"col\" class=\"number\">Seasonal naive MASE</th><th scope=\"col\" class=\"number\">Months filled</th></tr></thead>\n<tbody>\n");
        foreach (var trend in r.Trends)
        {
            html.Append("<tr><td>").Append(E(trend.Metric)).Append("</td><td>").Append(E(trend.Forecast.Method ?? trend.Forecast.Unavailable)).Append("</td><td class=\"number\">")
                .Append(Num(trend.Forecast.Mase, "0.00")).Append("</td><td class=\"number\">").Append(Num(trend.Forecast.BaselineMase, "0.00")).Append("</td><td class=\"number\">")
                .Append(trend.Forecast.FilledGaps).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<h3>").Append(E(CoverageHeading(r))).Append("</h3>\n");
        CoverageTable(html, r);
        html.Append("</section>\n");
    }

    private static void CoverageTable(StringBuilder html, QuarterlyReport r)
    {
        html.Append("<table>\n<thead><tr><th scope=\"col\">Records</th><th scope=\"col\" class=\"number\">Count</th><th scope=\"col\">From</th><th scope=\"col\">To</th></tr></thead>\n<tbody>\n");
        foreach (var row in r.Coverage)
        {
            html.Append("<tr><td>").Append(E(row.Kind)).Append("</td><td class=\"number\">").Append(row.Records.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(Day(row.First)).Append("</td><td>").Append(Day(row.Last)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Figure(StringBuilder html, QuarterlyReport.Chart chart, string caption)
    {
        // The SVG carries the chart's description as its accessible name; the caption repeats it for sighted readers.
        html.Append("<figure>\n").Append(chart.Svg ?? "").Append("\n<figcaption>")
            .Append(E(caption)).Append("</figcaption>\n</figure>\n");
    }

>>>>>>> helper-dora25
    /// <summary>A team's name in the possessive: "Payments’", "Atlas Core’s".</summary>
    public static string Possessive(string name) => name.EndsWith('s') ? name + "’" : name + "’s";
}
