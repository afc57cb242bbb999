using System.Security.Claims;
using Analytics.Host.Web.Admin.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// Who may use <c>/admin</c>: the <c>pulse-admin</c> cookie (checked against the account's session stamp on every
/// request), local accounts with a lockout per username, single sign-on when <see cref="AdminOidcOptions"/> is
/// configured, and roles: a viewer may read every admin page, and only an admin may post an admin form.
/// </summary>
internal static partial class AdminAuthentication
{
    /// <summary>The scheme name of single sign-on.</summary>
    public const string SingleSignOnScheme = "oidc";

    /// <summary>Adds cookie authentication, single sign-on when configured, and the role rule as the default policy.</summary>
    public static void AddAdminAuthentication(this WebApplicationBuilder builder, AdminOptions admin)
    {
        admin.Oidc.Check();
        builder.Services.AddSingleton<SignInLockout>();
        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = "pulse-admin";
            options.Cookie.HttpOnly = true;
            // Strict would hold the cookie back on the redirect that comes home from the identity provider, so
            // with single sign-on it is Lax; forms are still protected by the antiforgery token either way.
            options.Cookie.SameSite = admin.Oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.Path = "/admin";
            options.LoginPath = "/admin/login";
            options.ExpireTimeSpan = admin.SessionLifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = AdminSession.ValidateAsync;
            options.Events.OnRedirectToAccessDenied = context => AccessNoticePage.Result("Viewers cannot change anything",
                "You are signed in with a viewer account, which can look at every admin page but not change anything, so nothing was done.",
                "Ask an admin to make the change, or to give your account the admin role.", StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
        });
        if (admin.Oidc.Enabled)
        {
            authentication.AddOpenIdConnect(SingleSignOnScheme, admin.Oidc.DisplayName, options => ConfigureSingleSignOn(options, admin.Oidc));
        }

        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.IsInRole(AdminRoles.Admin)
                || (context.User.IsInRole(AdminRoles.Viewer) && context.Resource is HttpContext http && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))))
            .Build());
    }

    private static void ConfigureSingleSignOn(OpenIdConnectOptions options, AdminOidcOptions oidc)
    {
        options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = "code";
        // The code comes back on a plain top-level GET, which Lax cookies (correlation, nonce) survive; a
        // cross-site form post would need SameSite=None.
        options.ResponseMode = "query";
        options.CallbackPath = "/admin/signin-oidc";
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.SaveTokens = false;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnTokenValidated = context => SignedInWithProviderAsync(context, oidc);
        options.Events.OnRemoteFailure = async context =>
        {
            Logger(context.HttpContext).LogSingleSignOnFailed(context.Failure?.Message ?? "unknown");
            context.HandleResponse();
            await AccessNoticePage.Result("Single sign-on did not work", $"The answer from {oidc.DisplayName} could not be checked, so you are not signed in.",
                "Try again; if it keeps happening, tell whoever runs Pulse.", StatusCodes.Status401Unauthorized).ExecuteAsync(context.HttpContext);
        };
    }

    /// <summary>Turns the provider's verified token into an admin or viewer session, or refuses a user with neither role.</summary>
    private static async Task SignedInWithProviderAsync(TokenValidatedContext context, AdminOidcOptions oidc)
    {
        var token = context.Principal!;
        var roles = token.FindAll(oidc.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var role = roles.Contains(oidc.AdminRoleValue) ? AdminRoles.Admin : roles.Contains(oidc.ViewerRoleValue) ? AdminRoles.Viewer : null;
        var name = token.FindFirstValue("preferred_username") ?? token.FindFirstValue("email") ?? token.FindFirstValue("name") ?? token.FindFirstValue("sub") ?? "unknown";
        if (role is null)
        {
            Logger(context.HttpContext).LogNoRole(name, oidc.RoleClaim);
            context.HandleResponse();
            await AccessNoticePage.Result("No access to Pulse admin", $"{oidc.DisplayName} signed you in, but your account has no Pulse role, so you cannot use Pulse admin.",
                $"Ask whoever runs {oidc.DisplayName} to give you the role {oidc.AdminRoleValue} or {oidc.ViewerRoleValue}.", StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
            return;
        }

        context.Principal = AdminSession.ForSingleSignOn(name, role);
    }

    private static ILogger Logger(HttpContext context) => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminAuthentication));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on refused '{User}': the token's '{RoleClaim}' claim has no Pulse role")]
    private static partial void LogNoRole(this ILogger logger, string user, string roleClaim);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on failed: {Reason}")]
    private static partial void LogSingleSignOnFailed(this ILogger logger, string reason);
}
