using System.Security.Claims;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// What the <c>pulse-admin</c> cookie holds and the check it passes on every request: a local account's cookie
/// carries the account's session stamp and stops working once the stored stamp changes (sign-out, a new password,
/// a new role). A cookie from single sign-on has no local account and so no stamp.
/// </summary>
internal static class AdminSession
{
    /// <summary>The claim holding the local account's session stamp.</summary>
    public const string StampClaim = "pulse:session-stamp";

    /// <summary>The claim saying how the session began: <see cref="Local"/> or <see cref="SingleSignOn"/>.</summary>
    public const string SourceClaim = "pulse:sign-in";

    public const string Local = "local";

    public const string SingleSignOn = "oidc";

    /// <summary>The principal for a local account that has just proved its password.</summary>
    public static ClaimsPrincipal ForAccount(AdminAccount account) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, account.Username), new Claim(ClaimTypes.Role, account.Role), new Claim(StampClaim, account.SessionStamp), new Claim(SourceClaim, Local)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>The principal for someone the identity provider vouched for, with the role their token mapped to.</summary>
    public static ClaimsPrincipal ForSingleSignOn(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(SourceClaim, SingleSignOn)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>
    /// The cookie check on every request: a local session whose stamp is not the account's current one (or whose
    /// account is gone) is signed out. Single sign-on sessions skip it explicitly: there is no local account, their
    /// role was checked against the provider's token at sign-in, and the cookie's lifetime bounds them.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal?.FindFirstValue(SourceClaim) == SingleSignOn)
        {
            return;
        }

        var name = principal?.Identity?.Name;
        var stamp = principal?.FindFirstValue(StampClaim);
        var current = name is null || principal?.FindFirstValue(SourceClaim) != Local ? null
            : await context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>().SessionStampAsync(name, context.HttpContext.RequestAborted);
        if (stamp is null || current is null || !string.Equals(stamp, current, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>Signs out: a local account also gets a new stamp, so a copy of its cookie taken earlier stops working too.</summary>
    public static async Task EndAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (context.User.FindFirstValue(SourceClaim) == Local && context.User.Identity?.Name is { } name)
        {
            await context.RequestServices.GetRequiredService<AdminAccounts>().EndSessionsAsync(name, cancellationToken);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
