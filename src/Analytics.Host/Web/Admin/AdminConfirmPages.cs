using System.Text;
using Analytics.Core.Surveys;
using Analytics.Surveys.Administration;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// The pages that ask before an admin action that cannot simply be taken back: each says exactly what will happen
/// and posts the same form the action always took, so the action itself still needs its antiforgery token.
/// </summary>
internal static class AdminConfirmPages
{
    public static string CloseWave(AdminPage page, SurveyWave wave, int groupSize, DateTimeOffset now)
    {
        var waveId = Uri.EscapeDataString(wave.WaveId);
        var html = new StringBuilder();
        html.Append("<h1>Close ").Append(Encode(wave.Name)).Append("?</h1>\n")
            .Append("<p>Closing stops answers now: its personal links").Append(wave.IsAnonymous ? " and its open link" : "")
            .Append(" stop working, and people who open them are told the survey is closed. Answers held back until their team had ")
            .Append(groupSize).Append(" are added to the results.</p>\n")
            .Append(wave.ClosesAt > now
                ? $"<p>You can reopen it until {AdminSurveyPages.Moment(wave.ClosesAt)}, its end date; its unused links then work again.</p>\n"
                : $"<p>Its end date, {AdminSurveyPages.Moment(wave.ClosesAt)}, has passed, so once closed it cannot be reopened.</p>\n");
        AppendConfirm(html, page, $"/admin/waves/{waveId}/close", $"/admin/waves/{waveId}", "close the wave");
        return html.ToString();
    }

    public static string ReplaceLinks(AdminPage page, SurveyWave wave, LinkReplacement replacement)
    {
        var waveId = Uri.EscapeDataString(wave.WaveId);
        var html = new StringBuilder();
        html.Append("<h1>New personal links for ").Append(Encode(wave.Name)).Append("?</h1>\n<p>")
            .Append(replacement.WorkingLinks switch
            {
                0 => "No link sent so far still works, so nothing already sent stops working.",
                1 => "The 1 link already sent will stop working; the person who opens it will be told their link was replaced and to use the one in their latest invitation.",
                var n => $"The {n:N0} links already sent will stop working; people who open them will be told their link was replaced and to use the one in their latest invitation.",
            })
            .Append("</p>\n<p>")
            .Append(replacement.NewLinks == 1 ? "You get a CSV with 1 new link" : $"You get a CSV with {replacement.NewLinks:N0} new links")
            .Append(", one for each invited person who has not answered yet. It is the only copy: send each person their new link.</p>\n");
        AppendConfirm(html, page, $"/admin/waves/{waveId}/links", $"/admin/waves/{waveId}", "replace the links and download the CSV");
        return html.ToString();
    }

    private static void AppendConfirm(StringBuilder html, AdminPage page, string action, string cancel, string what)
    {
        html.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\">").Append(page.Antiforgery)
            .Append("<div class=\"actions\"><button type=\"submit\" class=\"danger\">Confirm: ").Append(Encode(what)).Append("</button>")
            .Append("<a href=\"").Append(Encode(cancel)).Append("\">Cancel</a></div>\n</form>\n");
    }
}
