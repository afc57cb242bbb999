using System.Security.Cryptography;
using System.Text;

namespace Analytics.Surveys.Links;

/// <summary>
/// Single-use survey link tokens: 256 random bits, base64url in the link, and only a SHA-256 hash in the
/// database, so a copy of the database cannot be turned back into working links.
/// </summary>
public static class SurveyTokens
{
    /// <summary>A new random token for a link.</summary>
    public static string Create() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The hash stored for a token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether a string has the shape of a token, checked before any lookup.</summary>
    public static bool LooksValid(string token) =>
        token.Length == 43 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
