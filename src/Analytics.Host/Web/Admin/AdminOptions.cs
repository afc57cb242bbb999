namespace Analytics.Host.Web.Admin;

/// <summary>Settings of the admin sign-in, section <c>Pulse:Admin</c>.</summary>
internal sealed class AdminOptions
{
    public const string Section = "Pulse:Admin";

    /// <summary>The first admin's username, created when the database has none.</summary>
    public string InitialUser { get; set; } = "admin";

    /// <summary>The first admin's password; when empty a random one is made and shown once on the console of <c>analytics serve</c> (never logged).</summary>
    public string? InitialPassword { get; set; }

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Single sign-on with an OpenID Connect provider, off unless configured.</summary>
    public AdminOidcOptions Oidc { get; set; } = new();
}
