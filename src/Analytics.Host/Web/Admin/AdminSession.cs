using System.Security.Claims;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// What the <c>pulse-admin</c> cookie holds and the check it passes on every request: a local account's cookie
/// carries the account's session stamp and stops working once the stored stamp changes (sign-out, a new password,
/// a new role). A cookie from single sign-on has no local account, so it carries a session id of its own instead,
/// which signing out records as ended.
/// </summary>
internal static class AdminSession
{
    /// <summary>The claim holding the local account's session stamp, or the single sign-on session's id.</summary>
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
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(StampClaim, Guid.NewGuid().ToString("N")), new Claim(SourceClaim, SingleSignOn)],
        CookieAuthenticationDefaults.AuthenticationScheme));

    /// <summary>
    /// The cookie check on every request: a local session whose stamp is not the account's current one (or whose
    /// account is gone), or a single sign-on session that was signed out, is refused and its cookie removed. A
    /// single sign-on session is not checked against any local account: its role came from the provider's token.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AdminAccounts>();
        var cancellationToken = context.HttpContext.RequestAborted;
        var stamp = principal?.FindFirstValue(StampClaim);
        var name = principal?.Identity?.Name;
        var valid = stamp is not null && name is not null && principal?.FindFirstValue(SourceClaim) switch
        {
            Local => string.Equals(stamp, await accounts.SessionStampAsync(name, cancellationToken), StringComparison.Ordinal),
            SingleSignOn => !await accounts.SessionEndedAsync(stamp, cancellationToken),
            _ => false,
        };
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    /// <summary>
    /// Signs out: a local account gets a new stamp and a single sign-on session is recorded as ended, so a copy of
    /// the cookie taken earlier stops working too.
    /// </summary>
    public static async Task EndAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var accounts = context.RequestServices.GetRequiredService<AdminAccounts>();
        var stamp = context.User.FindFirstValue(StampClaim);
        switch (context.User.FindFirstValue(SourceClaim))
        {
            case Local when context.User.Identity?.Name is { } name:
                await accounts.EndSessionsAsync(name, cancellationToken);
                break;
            case SingleSignOn when stamp is not null:
                await accounts.EndSessionAsync(stamp, context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SessionLifetime, cancellationToken);
                break;
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
