using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// Checks a <c>sha256=&lt;hex&gt;</c> HMAC-SHA256 signature, in constant time: of the body alone (GitHub's
/// <c>X-Hub-Signature-256</c>), or of <c>timestamp.deliveryId.body</c> (Pulse's own events), so a captured request
/// cannot be sent again with a fresh timestamp or another delivery id.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header value for a body, as a sender computes it.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        $"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body))}";

    /// <summary>
    /// The <c>X-Pulse-Signature</c> value of an event delivery: HMAC-SHA256 over the UTF-8 bytes of
    /// <c>&lt;timestamp&gt;.&lt;deliveryId&gt;.</c> followed by the raw body; <paramref name="timestamp"/> in unix seconds.
    /// </summary>
    public static string Sign(string secret, long timestamp, string deliveryId, ReadOnlySpan<byte> body) =>
        Sign(secret, SignedContent(timestamp.ToString(CultureInfo.InvariantCulture), deliveryId, body));

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

    /// <summary>
    /// True when the header signs the timestamp and delivery id headers exactly as sent together with the body.
    /// </summary>
    public static bool IsValid(string secret, string timestamp, string deliveryId, ReadOnlySpan<byte> body, string? header) =>
        IsValid(secret, SignedContent(timestamp, deliveryId, body), header);

    private static byte[] SignedContent(string timestamp, string deliveryId, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.{deliveryId}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }
}
