using System.Globalization;
using Analytics.Host.Web.Admin.Audit;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Audit;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var user = SignedInUser.Of(context, antiforgery);
        if (!int.TryParse(page ?? "1", NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return new RazorComponentResult<AuditLogPage>(new { User = user, Error = $"'{page}' is not a page number; pages are numbered from 1." }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        var total = await audit.CountAsync(ct);
        var pages = Math.Max(1, (int)((total + PageSize - 1) / PageSize));
        var entries = number > pages ? [] : await audit.EntriesAsync(PageSize, (number - 1) * PageSize, ct);
        return new RazorComponentResult<AuditLogPage>(new { User = user, Entries = entries, Number = number, Pages = pages, Total = total });
    }
}
