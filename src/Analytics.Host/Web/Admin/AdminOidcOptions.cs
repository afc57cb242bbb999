namespace Analytics.Host.Web.Admin;

/// <summary>
/// Single sign-on to <c>/admin</c> with an OpenID Connect provider, section <c>Pulse:Admin:Oidc</c>; off while
/// <see cref="Authority"/> is empty. The provider's token must carry <see cref="AdminRoleValue"/> or
/// <see cref="ViewerRoleValue"/> in the <see cref="RoleClaim"/> claim, or the sign-in is refused.
/// </summary>
internal sealed class AdminOidcOptions
{
    public const string Section = AdminOptions.Section + ":Oidc";

    /// <summary>The provider's issuer URL, where <c>/.well-known/openid-configuration</c> is found.</summary>
    public string? Authority { get; set; }

    /// <summary>Pulse's client id at the provider (required with <see cref="Authority"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>Pulse's client secret at the provider.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token claim that lists the user's roles.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The role value that makes the user an admin.</summary>
    public string AdminRoleValue { get; set; } = "pulse-admin";

    /// <summary>The role value that makes the user a viewer (read only).</summary>
    public string ViewerRoleValue { get; set; } = "pulse-viewer";

    /// <summary>The provider's name on the sign-in button ("Sign in with …").</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Whether the provider's metadata must come over HTTPS; turn off only for a provider on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether single sign-on is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Throws, naming the setting, when the configuration cannot work.</summary>
    public void Check()
    {
        if (!Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Authority))
        {
            throw new ArgumentException($"{Section}:Authority is not set; single sign-on needs the provider's issuer URL with {Section}:ClientId.");
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{Section}:Authority: '{Authority}' is not an http(s) URL such as https://login.example.com.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException($"{Section}:ClientId is not set; single sign-on with {Authority} needs the client id Pulse is registered under.");
        }

        if (string.IsNullOrWhiteSpace(RoleClaim) || string.IsNullOrWhiteSpace(AdminRoleValue) || string.IsNullOrWhiteSpace(ViewerRoleValue))
        {
            throw new ArgumentException($"{Section}:RoleClaim, AdminRoleValue and ViewerRoleValue must not be empty.");
        }
    }
}
