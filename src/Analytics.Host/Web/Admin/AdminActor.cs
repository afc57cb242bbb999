namespace Analytics.Host.Web.Admin;

/// <summary>Who is doing an admin action, as the audit log records it.</summary>
internal static class AdminActor
{
    /// <summary>The signed-in user's name. Admin routes require sign-in, so a user without a name is a setup fault, never an anonymous entry.</summary>
    public static string Of(HttpContext context) =>
        context.User.Identity?.Name is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException("The signed-in user has no name, which the admin audit log needs; map a name claim at sign-in.");
}
