using System.Net;
using System.Text;
using Analytics.Reports.Building;

namespace Analytics.Reports.Rendering;

/// <summary>The report's DORA 2025 part of the delivery section, written only when some team has buckets.</summary>
internal static class Dora2025Html
{
    public static void Append(StringBuilder html, QuarterlyReport r)
    {
        if (r.Dora2025.Count == 0)
        {
            return;
        }

        html.Append("<h3>DORA 2025: buckets and team profiles</h3>\n<table>\n<thead><tr><th scope=\"col\">Team</th><th scope=\"col\">Deployment frequency</th><th scope=\"col\">Lead time</th>")
            .Append("<th scope=\"col\">Recovery</th><th scope=\"col\">Change failure</th><th scope=\"col\">Rework</th><th scope=\"col\">Profile</th></tr></thead>\n<tbody>\n");
        foreach (var row in r.Dora2025)
        {
            html.Append("<tr><td>").Append(E(row.Team));
            foreach (var cell in new[] { row.DeploymentFrequency, row.LeadTime, row.RecoveryTime, row.ChangeFailureRate, row.ReworkRate, row.Profile })
            {
                html.Append("</td><td>").Append(E(cell ?? "—"));
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (r.Dora2025Note is { } note)
        {
            html.Append("<p class=\"note\">").Append(E(note)).Append("</p>\n");
        }

        html.Append("<p class=\"muted\">Profiles compare each team with this organisation's other teams this quarter; the method and its approximations are in docs/metrics.md.</p>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
