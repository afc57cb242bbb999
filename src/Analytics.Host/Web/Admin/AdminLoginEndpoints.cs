using System.Globalization;
using System.Text;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using static Analytics.Host.Web.Pages.HtmlPage;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// Sign in and out of <c>/admin</c>: a username and password (cookie authentication, locked per username after
/// repeated failures), or the identity provider when single sign-on is configured.
/// </summary>
internal static class AdminLoginEndpoints
{
    public const string LoginRateLimit = "admin-login";

    public static IEndpointRouteBuilder MapAdminLogin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin").RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, IOptions<AdminOptions> options, string? returnUrl) =>
            LoginPage(context, antiforgery, options.Value.Oidc, returnUrl, null, null, StatusCodes.Status200OK));
        group.MapPost("/login", LoginAsync).RequireRateLimiting(LoginRateLimit);
        group.MapGet("/login/sso", (IOptions<AdminOptions> options, string? returnUrl) => options.Value.Oidc.Enabled
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrls.LocalOr(returnUrl, "/admin") }, [AdminAuthentication.SingleSignOnScheme])
            : Results.NotFound());
        group.MapPost("/logout", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            await AdminSession.EndAsync(context, cancellationToken);
            return Results.Redirect("/admin/login");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AdminAccounts accounts, SignInLockout lockout, IAntiforgery antiforgery, IOptions<AdminOptions> options, CancellationToken cancellationToken)
    {
        var form = await FormPosts.ReadAsync(context.Request, cancellationToken);
        var username = form["username"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        var oidc = options.Value.Oidc;
        if (username.Length == 0 || password.Length == 0)
        {
            return LoginPage(context, antiforgery, oidc, returnUrl, username, "Enter your username and password.", StatusCodes.Status400BadRequest);
        }

        // No account has a longer name; such a name is not counted, so it cannot fill the lockout's memory.
        if (username.Length > AdminAccounts.MaxUsernameLength)
        {
            return LoginPage(context, antiforgery, oidc, returnUrl, username, "The username or password is not right.", StatusCodes.Status401Unauthorized);
        }

        // Checked before the password, so that during a lockout even the right password gets nowhere.
        if (lockout.LockedUntil(username) is { } lockedUntil)
        {
            return Locked(context, lockedUntil);
        }

        var account = await accounts.VerifyAsync(username, password, cancellationToken);
        if (account is null)
        {
            return lockout.Failed(username, context.Connection.RemoteIpAddress?.ToString()) is { } until
                ? Locked(context, until)
                : LoginPage(context, antiforgery, oidc, returnUrl, username, "The username or password is not right.", StatusCodes.Status401Unauthorized);
        }

        lockout.Succeeded(username);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AdminSession.ForAccount(account));
        // Only local paths: a crafted returnUrl must not send a freshly signed-in admin to another site.
        return Results.LocalRedirect(LocalUrls.LocalOr(returnUrl, "/admin"));
    }

    private static IResult Locked(HttpContext context, DateTimeOffset until)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Notice("This account is locked", $"There were {SignInLockout.MaxFailures} failed sign-ins for this username within {SignInLockout.Window.TotalMinutes:0} minutes, so it is locked. Try again after {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            StatusCodes.Status429TooManyRequests, "Until then no sign-in with this username is accepted, not even with the right password. If you did not try to sign in, tell whoever runs Pulse.");
    }

    private static IResult LoginPage(HttpContext context, IAntiforgery antiforgery, AdminOidcOptions oidc, string? returnUrl, string? username, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = new StringBuilder("<div class=\"panel\">\n<h1>Sign in to Pulse admin</h1>\n");
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus><h2>Not signed in</h2><p>").Append(Encode(error)).Append("</p></div>\n");
        }

        if (oidc.Enabled)
        {
            var sso = "/admin/login/sso" + (LocalUrls.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : "");
            html.Append("<p><a class=\"button\" href=\"").Append(Encode(sso)).Append("\">Sign in with ").Append(Encode(oidc.DisplayName)).Append("</a></p>\n")
                .Append("<h2>Or with a Pulse account</h2>\n");
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
