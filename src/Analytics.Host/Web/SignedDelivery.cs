using Analytics.Ingestion.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web;

/// <summary>
/// The checks every pushed delivery passes before anything is stored: the endpoint is configured, the body is
/// within the limit (read no further than one byte past it), and its HMAC-SHA256 signature matches. Pulse's own
/// events are checked further by <see cref="StampedDelivery"/>.
/// </summary>
internal static class SignedDelivery
{
    /// <summary>The body, or the problem to answer with: 503 unconfigured, 413 too large, 401 unsigned.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, string? secret, string secretSetting, string signatureHeader, int limit, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(request, secret, secretSetting, limit, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (!WebhookSignature.IsValid(secret!, body!, request.Headers[signatureHeader]))
        {
            return (null, TypedResults.Problem(
                $"Missing or wrong {signatureHeader}: sign the raw body with HMAC-SHA256 and the secret in {secretSetting}, as sha256=<hex>.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        return (body, null);
    }

    /// <summary>The body of a request to a configured endpoint, or the problem: 503 unconfigured, 413 too large.</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBodyAsync(
        HttpRequest request, string? secret, string secretSetting, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return (null, TypedResults.Problem($"This endpoint is off: set {secretSetting}.", statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        var body = await ReadLimitedAsync(request, limit, cancellationToken);
        return body is null
            ? (null, TypedResults.Problem($"The body is larger than {limit:N0} bytes; send smaller batches.", statusCode: StatusCodes.Status413PayloadTooLarge))
            : (body, null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
