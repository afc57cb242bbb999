using System.Globalization;
using System.Text;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Audit;
using Microsoft.AspNetCore.Antiforgery;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary><c>/admin/audit</c>: what admins did, newest first, a page of <see cref="PageSize"/> entries at a time.</summary>
internal static class AdminAuditEndpoints
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapAdminAudit(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/audit").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        admin.MapGet("", ShowAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, AdminAuditLog audit, CancellationToken ct, string? page = null)
    {
        var admin = new AdminPage(context, antiforgery);
        if (!int.TryParse(page ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return admin.Render("Audit log", "<h1>Audit log</h1>\n<p><a href=\"/admin/audit\">First page</a></p>", StatusCodes.Status400BadRequest,
                error: $"'{page}' is not a page number; pages are numbered from 1.");
        }

        var total = await audit.CountAsync(ct);
        var pages = Math.Max(1, (int)((total + PageSize - 1) / PageSize));
        var entries = number > pages ? [] : await audit.EntriesAsync(PageSize, (number - 1) * PageSize, ct);
        var html = new StringBuilder("<h1>Audit log</h1>\n<p>What admins did from these pages: who, what, to which survey, wave, source or report, and when. Newest first.</p>\n");
        if (entries.Count == 0)
        {
            html.Append(total == 0 ? "<p>No admin actions recorded yet.</p>\n" : $"<p>There is no page {number}; the log has {pages}.</p>\n");
        }
        else
        {
            html.Append("<table>\n<caption class=\"visually-hidden\">Admin actions, page ").Append(number).Append(" of ").Append(pages).Append("</caption>\n")
                .Append("<thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">On</th><th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
            foreach (var entry in entries)
            {
                html.Append("<tr><td>").Append(entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Encode(entry.Actor))
                    .Append("</td><td>").Append(Encode(Label(entry.Action))).Append("</td><td>").Append(Encode($"{entry.ObjectKind} {entry.ObjectId}"))
                    .Append("</td><td>").Append(Encode(entry.Detail)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (pages > 1)
        {
            html.Append("<nav aria-label=\"Audit log pages\" class=\"actions\">");
            if (number > 1)
            {
                html.Append("<a href=\"/admin/audit?page=").Append(number - 1).Append("\">Newer entries</a>");
            }

            html.Append("<span>Page ").Append(number).Append(" of ").Append(pages).Append("</span>");
            if (number < pages)
            {
                html.Append("<a href=\"/admin/audit?page=").Append(number + 1).Append("\">Older entries</a>");
            }

            html.Append("</nav>\n");
        }

        return admin.Render("Audit log", html.ToString());
    }

    private static string Label(string action) => action switch
    {
        AuditActions.SurveyCreated => "Created survey",
        AuditActions.QuestionAdded => "Added question",
        AuditActions.QuestionChanged => "Changed question",
        AuditActions.QuestionDeleted => "Deleted question",
        AuditActions.WaveCreated => "Created wave",
        AuditActions.WaveOpened => "Opened wave",
        AuditActions.WaveClosed => "Closed wave",
        AuditActions.WaveReopened => "Reopened wave",
        AuditActions.LinksGenerated => "Made personal links",
        AuditActions.ResponsesExported => "Downloaded responses",
        AuditActions.SourceRunStarted => "Ran source now",
        AuditActions.ReportGenerated => "Made quarterly report",
        _ => action,
    };
}
