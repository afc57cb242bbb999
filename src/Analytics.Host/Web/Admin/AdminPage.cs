using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>What every admin page needs: who is signed in and the antiforgery token for its forms.</summary>
internal sealed class AdminPage(HttpContext context, IAntiforgery antiforgery)
{
    private readonly AntiforgeryTokenSet _tokens = antiforgery.GetAndStoreTokens(context);

    /// <summary>The hidden antiforgery input every admin form carries.</summary>
    public string Antiforgery => $"<input type=\"hidden\" name=\"{Encode(_tokens.FormFieldName)}\" value=\"{Encode(_tokens.RequestToken)}\">";

    /// <summary>A form that posts to <paramref name="action"/> with one submit button.</summary>
    public string Button(string action, string label, string style = "secondary", string fields = "") =>
        $"<form class=\"inline\" method=\"post\" action=\"{Encode(action)}\">{Antiforgery}{fields}<button type=\"submit\" class=\"{style}\">{Encode(label)}</button></form>";

    /// <summary>The page with the admin header and an optional message banner.</summary>
    public IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK, string? error = null, string? notice = null)
    {
        var user = context.User.Identity?.Name ?? "";
        var header = $"<nav aria-label=\"Admin\"><a href=\"/admin\">Surveys</a><a href=\"/admin/dashboards\">Dashboards</a><a href=\"/admin/sources\">Sources</a><a href=\"/admin/reports\">Reports</a><a href=\"/admin/jobs\">Jobs</a><a href=\"/admin/api-keys\">API keys</a><a href=\"/admin/audit\">Audit log</a><span>Signed in as {Encode(user)}</span>{Button("/admin/logout", "Sign out", "link")}</nav>";
        var page = new StringBuilder();
        if (error is not null)
        {
            page.Append("<div class=\"banner error\" role=\"alert\" tabindex=\"-1\" autofocus><strong>Not done:</strong> ").Append(Encode(error)).Append("</div>\n");
        }

        if (notice is not null)
        {
            page.Append("<div class=\"banner\" role=\"status\">").Append(Encode(notice)).Append("</div>\n");
        }

        page.Append(body);
        return Pages.HtmlPage.Render(title, page.ToString(), statusCode, header, wide: true);
    }
}
