using Microsoft.AspNetCore.Antiforgery;

namespace Analytics.Host.Web.Components;

/// <summary>Who is signed in and the antiforgery token the header's sign-out form carries.</summary>
public sealed record SignedInUser(string Name, string TokenFieldName, string Token)
{
    /// <summary>The signed-in user of a request, with a fresh antiforgery token for its forms.</summary>
    public static SignedInUser Of(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new SignedInUser(context.User.Identity?.Name ?? "", tokens.FormFieldName, tokens.RequestToken ?? "");
    }
}
