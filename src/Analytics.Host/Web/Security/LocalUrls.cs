using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Security;

/// <summary>The one check of whether a URL stays on this site, for every redirect that takes a URL from a request.</summary>
internal static class LocalUrls
{
    /// <summary>
    /// Whether <paramref name="url"/> is a local path: <see cref="RedirectHttpResult.IsLocalUrl"/> (which
    /// <c>LocalRedirect</c> applies too, so a URL passed here never makes it throw), and no backslash or control
    /// character anywhere, since browsers read <c>\</c> as <c>/</c> and drop tabs and newlines.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && RedirectHttpResult.IsLocalUrl(url) && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, otherwise <paramref name="fallback"/>.</summary>
    public static string LocalOr(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
