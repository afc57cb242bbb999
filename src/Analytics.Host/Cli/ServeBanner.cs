using Analytics.Host.Web.Admin;

namespace Analytics.Host.Cli;

/// <summary>
/// What <c>analytics serve</c> says once it listens: the address to open and, on the start that created the first
/// admin, how to sign in. Written to standard output rather than the log, so it is not lost among job messages.
/// </summary>
internal static class ServeBanner
{
    public static void Write(TextWriter output, IEnumerable<string> urls, FirstAdminCreator.CreatedAdmin? firstAdmin)
    {
        var addresses = urls.Select(Openable).ToList();
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5000";
        output.WriteLine($"Pulse is running at {address} (Ctrl+C stops it).");
        if (firstAdmin is null)
        {
            return;
        }

        output.WriteLine(firstAdmin.GeneratedPassword is { } password
            ? $"First sign-in at {address}/admin: user {firstAdmin.User}, password {password} (shown only this once)."
            : $"First sign-in at {address}/admin: user {firstAdmin.User}, with the password set in Pulse:Admin:InitialPassword.");
        output.WriteLine($"To change it, stop the service and run: analytics admin set-password --user {firstAdmin.User}");
    }

    /// <summary>A listening address as a browser opens it: a wildcard host (0.0.0.0, [::], +, *) becomes localhost.</summary>
    private static string Openable(string url)
    {
        foreach (var wildcard in new[] { "0.0.0.0", "[::]", "+", "*" })
        {
            url = url.Replace($"://{wildcard}:", "://localhost:", StringComparison.Ordinal);
        }

        return url.TrimEnd('/');
    }
}
