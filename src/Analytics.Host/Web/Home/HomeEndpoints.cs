using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Home;

/// <summary>
/// <c>/</c>: the home page. It reads nothing from the database, so it shows no survey, wave or link to anyone; the
/// admin cookie is scoped to <c>/admin</c>, so the page offers sign-in and the admin pages to everyone alike.
/// </summary>
internal static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", IResult () => new RazorComponentResult<HomePage>()).ExcludeFromDescription();
        return app;
    }
}
