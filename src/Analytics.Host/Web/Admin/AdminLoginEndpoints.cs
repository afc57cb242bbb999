using System.Globalization;
using Analytics.Host.Web.Admin.SignIn;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

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
        group.MapGet("/login", IResult (HttpContext context, IAntiforgery antiforgery, IOptions<AdminOptions> options, string? returnUrl) =>
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

    private static RazorComponentResult<AccountLockedPage> Locked(HttpContext context, DateTimeOffset until)
    {
        var clock = context.RequestServices.GetRequiredService<TimeProvider>();
        var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return new RazorComponentResult<AccountLockedPage>(new
        {
            SignInLockout.MaxFailures,
            WindowMinutes = SignInLockout.Window.TotalMinutes.ToString("0", CultureInfo.InvariantCulture),
            Until = until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        })
        {
            StatusCode = StatusCodes.Status429TooManyRequests,
        };
    }

    private static RazorComponentResult<SignInPage> LoginPage(HttpContext context, IAntiforgery antiforgery, AdminOidcOptions oidc, string? returnUrl, string? username, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new RazorComponentResult<SignInPage>(new
        {
            TokenFieldName = tokens.FormFieldName,
            Token = tokens.RequestToken ?? "",
            ReturnUrl = LocalUrls.LocalOr(returnUrl, ""),
            Username = username,
            Error = error,
            SingleSignOnName = oidc.Enabled ? oidc.DisplayName : null,
            SingleSignOnHref = "/admin/login/sso" + (LocalUrls.IsLocal(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : ""),
        })
        {
            StatusCode = statusCode,
        };
    }
}
