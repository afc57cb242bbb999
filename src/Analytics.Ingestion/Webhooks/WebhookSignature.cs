using System.Security.Cryptography;
using System.Text;

namespace Analytics.Ingestion.Webhooks;

/// <summary>Checks a <c>sha256=&lt;hex&gt;</c> HMAC-SHA256 signature of a body, in constant time.</summary>
public static class WebhookSignature
{
    /// <summary>The header value for a body, as a sender computes it.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";

    /// <summary>True when the header carries the body's signature under the secret.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var given = Encoding.ASCII.GetBytes(header.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
