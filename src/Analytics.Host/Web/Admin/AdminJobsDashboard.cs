using Hangfire;
using Hangfire.Dashboard;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// Hangfire's dashboard at <c>/admin/jobs</c>: queued, running, scheduled (retries), failed and recurring jobs. Only a
/// signed-in admin sees it (the admin cookie; a browser that is not signed in is sent to the sign-in page, anything
/// else gets 401), and a user in role <c>viewer</c> sees it read-only. "Back to site" leads to <c>/admin</c>.
/// </summary>
internal static class AdminJobsDashboard
{
    public const string Path = "/admin/jobs";

    public const string ViewerRole = "viewer";

    public static WebApplication MapAdminJobs(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path) && context.User.Identity?.IsAuthenticated != true && HttpMethods.IsGet(context.Request.Method),
            branch => branch.Run(context =>
            {
                context.Response.Redirect($"/admin/login?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
                return Task.CompletedTask;
            }));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new SignedInAdmin()],
            IsReadOnlyFunc = context => context.GetHttpContext().User.IsInRole(ViewerRole),
            AppPath = "/admin",
            DashboardTitle = "Pulse jobs",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    private sealed class SignedInAdmin : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
    }
}
