using System.Security.Claims;
using System.Text;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>Sign in and out of <c>/admin</c> with a username and password (cookie authentication).</summary>
internal static class AdminLoginEndpoints
{
    public const string LoginRateLimit = "admin-login";

    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) => LoginPage(context, antiforgery, returnUrl, null, null, StatusCodes.Status200OK));
        group.MapPost("/login", LoginAsync).RequireRateLimiting(LoginRateLimit);
        group.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/admin/login");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AdminAccounts accounts, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var form = await FormPosts.ReadAsync(context.Request, cancellationToken);
        var username = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (username.Length == 0 || password.Length == 0)
        {
            return LoginPage(context, antiforgery, returnUrl, username, "Enter your username and password.", StatusCodes.Status400BadRequest);
        }

        if (!await accounts.VerifyAsync(username, password, cancellationToken))
        {
            return LoginPage(context, antiforgery, returnUrl, username, "The username or password is not right.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only local paths: a crafted returnUrl must not send a freshly signed-in admin to another site.
        return Results.LocalRedirect(LocalUrls.LocalOr(returnUrl, "/admin"));
    }

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? username, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = new StringBuilder("<div class=\"panel\">\n<h1>Sign in to Pulse admin</h1>\n");
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus><h2>Not signed in</h2><p>").Append(Encode(error)).Append("</p></div>\n");
        }

        html.Append("<form method=\"post\" action=\"/admin/login\" novalidate>\n")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Encode(tokens.RequestToken)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(Encode(LocalUrls.LocalOr(returnUrl, ""))).Append("\">\n")
            .Append("<div class=\"field\"><label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" value=\"")
            .Append(Encode(username)).Append("\"></div>\n")
            .Append("<div class=\"field\"><label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\"></div>\n")
            .Append("<div class=\"actions\"><button type=\"submit\">Sign in</button></div>\n</form>\n</div>\n");
        return Render("Sign in", html.ToString(), statusCode);
    }
}
