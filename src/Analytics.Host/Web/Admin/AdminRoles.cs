namespace Analytics.Host.Web.Admin;

/// <summary>The values of the <see cref="System.Security.Claims.ClaimTypes.Role"/> claim of a signed-in admin.</summary>
public static class AdminRoles
{
    /// <summary>May see and change everything under <c>/admin</c>.</summary>
    public const string Admin = "admin";

    /// <summary>May see every admin page but change nothing: every admin form post is refused (403).</summary>
    public const string Viewer = "viewer";
}
