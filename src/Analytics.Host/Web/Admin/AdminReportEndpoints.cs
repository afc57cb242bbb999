using System.Text;
using Analytics.Core.Metrics;
using Analytics.Host.Web.Admin.Reports;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Analytics.Reports;
using Analytics.Surveys;
using Analytics.Surveys.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// <c>/admin/reports</c>: the quarterly report in the browser (the same HTML and SVG charts the PDF prints) and
/// as a PDF download, for the organisation or one team.
/// </summary>
internal static class AdminReportEndpoints
{
    public static IEndpointRouteBuilder MapAdminReports(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/reports").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        admin.MapGet("", ChooseAsync);
        admin.MapGet("/view", ViewAsync);
        admin.MapGet("/pdf", PdfAsync);
        return app;
    }

    private static async Task<IResult> ChooseAsync(HttpContext context, IAntiforgery antiforgery, SurveyStore store, TimeProvider clock, CancellationToken ct, string? error = null)
    {
        var previous = Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Previous;
        return new RazorComponentResult<ReportChoicePage>(new { User = SignedInUser.Of(context, antiforgery), Quarter = previous.ToString(), Teams = await store.TeamsAsync(ct), Error = error })
        {
            StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };
    }

    private static async Task<IResult> ViewAsync(string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, SurveyStore store, TimeProvider clock, ReportGenerator generator,
        AdminAuditLog audit, CancellationToken ct)
    {
        try
        {
            var which = Quarter.Parse(quarter ?? "");
            var teamId = string.IsNullOrEmpty(team) ? null : team;
            var (html, _) = await generator.HtmlAsync(which, teamId, "/css/report.css", null, ct);
            await RecordAsync(audit, context, which, teamId, "viewed", ct);
            return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
        }
        catch (Exception error) when (error is ReportException or FormatException or ArgumentException)
        {
            return await ChooseAsync(context, antiforgery, store, clock, ct, error.Message);
        }
    }

    private static async Task<IResult> PdfAsync(string? quarter, string? team, HttpContext context, IAntiforgery antiforgery, SurveyStore store, TimeProvider clock, ReportGenerator generator,
        AdminAuditLog audit, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("pulse-download-").FullName;
        try
        {
            var which = Quarter.Parse(quarter ?? "");
            var teamId = string.IsNullOrEmpty(team) ? null : team;
            var path = Path.Combine(folder, "report.pdf");
            await generator.PdfAsync(which, teamId, path, null, ct);
            await RecordAsync(audit, context, which, teamId, "PDF downloaded", ct);
            return Results.File(await File.ReadAllBytesAsync(path, ct), "application/pdf", $"pulse-{which}{(teamId is null ? "" : "-" + teamId)}.pdf");
        }
        catch (Exception error) when (error is ReportException or FormatException or ArgumentException)
        {
            return await ChooseAsync(context, antiforgery, store, clock, ct, error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Task RecordAsync(AdminAuditLog audit, HttpContext context, Quarter quarter, string? teamId, string how, CancellationToken ct) =>
        audit.RecordAsync(AdminActor.Of(context), AuditActions.ReportGenerated, AuditTarget.Report(quarter.ToString()), teamId is null ? $"{how}, whole organisation" : $"{how}, team {teamId}", ct);
}
