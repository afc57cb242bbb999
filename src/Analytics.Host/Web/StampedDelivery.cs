using System.Globalization;
using Analytics.Ingestion.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web;

/// <summary>
/// An event delivery to <c>POST /api/v1/events</c> that passed every check: configured, within the size limit,
/// carrying <c>X-Pulse-Timestamp</c> (unix seconds) and <c>X-Pulse-Delivery</c>, signed over
/// <c>timestamp.deliveryId.body</c>, and sent within <see cref="WebhookOptions.ReplayTolerance"/> of the service's
/// clock. A captured request is thus refused once the tolerance has passed, and its id is remembered until then.
/// </summary>
/// <param name="Body">The raw body.</param>
/// <param name="DeliveryId">The sender's id of this delivery; the same id is never applied twice.</param>
/// <param name="RememberUntil">The last moment its timestamp is accepted: the id must be remembered until then.</param>
internal sealed record StampedDelivery(byte[] Body, string DeliveryId, DateTimeOffset RememberUntil)
{
    public const string SignatureHeader = "X-Pulse-Signature";
    public const string TimestampHeader = "X-Pulse-Timestamp";
    public const string DeliveryHeader = "X-Pulse-Delivery";

    /// <summary>Longest delivery id accepted; a UUID needs 36.</summary>
    public const int MaxDeliveryIdLength = 200;

    private const string Recipe = $"sign \"<{TimestampHeader}>.<{DeliveryHeader}>.<body>\" with HMAC-SHA256 and the secret in Pulse:Webhooks:Secret, as sha256=<hex>";

    /// <summary>The delivery, or the problem to answer with: 503 unconfigured, 413 too large, 401 for any other check.</summary>
    public static async Task<(StampedDelivery? Delivery, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, WebhookOptions settings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, problem) = await SignedDelivery.ReadBodyAsync(request, settings.Secret, "Pulse:Webhooks:Secret", settings.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        var timestampText = Single(request, TimestampHeader);
        if (timestampText is null)
        {
            return Refuse($"Missing {TimestampHeader} (or sent twice): send the time of sending in unix seconds, and {Recipe}.");
        }

        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || timestamp > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Refuse($"{TimestampHeader} must be the time of sending in unix seconds (digits only), not '{Shorten(timestampText)}'.");
        }

        var deliveryId = Single(request, DeliveryHeader);
        if (deliveryId is null)
        {
            return Refuse($"Missing {DeliveryHeader} (or sent twice): send a unique id per delivery (a UUID, for example), and {Recipe}.");
        }

        if (deliveryId.Length > MaxDeliveryIdLength || deliveryId.Any(c => c is < '!' or > '~'))
        {
            return Refuse($"{DeliveryHeader} must be 1 to {MaxDeliveryIdLength} visible ASCII characters (a UUID, for example).");
        }

        if (!WebhookSignature.IsValid(settings.Secret!, timestampText, deliveryId, body!, request.Headers[SignatureHeader]))
        {
            return Refuse($"Missing or wrong {SignatureHeader}: {Recipe}.");
        }

        var sentAt = DateTimeOffset.FromUnixTimeSeconds(timestamp);
        var skew = clock.GetUtcNow() - sentAt;
        if (skew.Duration() > settings.ReplayTolerance)
        {
            var seconds = skew.Duration().TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            var how = skew > TimeSpan.Zero ? $"stale: {seconds} s behind" : $"in the future: {seconds} s ahead of";
            return Refuse(string.Create(CultureInfo.InvariantCulture,
                $"{TimestampHeader} is {how} the service's clock, beyond the tolerance of {settings.ReplayTolerance.TotalSeconds:0} s (Pulse:Webhooks:ReplayTolerance). Send each delivery with the current time and a new signature; a replayed request is refused."));
        }

        return (new StampedDelivery(body!, deliveryId, sentAt + settings.ReplayTolerance), null);
    }

    /// <summary>A header sent exactly once, or null (missing, empty, or repeated).</summary>
    private static string? Single(HttpRequest request, string header) =>
        request.Headers[header] is { Count: 1 } values && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static (StampedDelivery?, ProblemHttpResult) Refuse(string detail) =>
        (null, TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized));
}
