using Analytics.Ingestion.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web;

/// <summary>
/// <c>POST /api/v1/events</c>: push ingestion of deployment, change, incident and work-item events, one JSON object
/// or an NDJSON batch, signed with HMAC-SHA256 over <c>timestamp.deliveryId.body</c> (see <see cref="StampedDelivery"/>).
/// 202 once the batch is committed; 200 with <c>alreadyReceived</c> for a delivery id stored before (nothing applied
/// again, so a sender's retry is safe); 401 (nothing stored) for a missing or wrong signature, timestamp or delivery
/// id, or a timestamp outside the replay tolerance; 413 for a body over the limit.
/// </summary>
internal static class EventsApi
{
    /// <summary>What the sender gets back.</summary>
    public sealed record EventsAccepted(long Stored, IReadOnlyList<string> Rejected, bool AlreadyReceived);

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestAsync)
            .WithName("IngestEvents")
            .WithSummary("Store pushed events (JSON or NDJSON), signed with HMAC-SHA256 over timestamp, delivery id and body.")
            .WithTags("Ingestion")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Accepted<EventsAccepted>, Ok<EventsAccepted>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, EventIngestor ingestor, IOptions<WebhookOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (delivery, problem) = await StampedDelivery.ReadAsync(request, options.Value, clock, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await ingestor.IngestAsync(delivery!.Body, delivery.DeliveryId, delivery.RememberUntil, cancellationToken);
        var answer = new EventsAccepted(outcome.Stored, outcome.Rejected.Select(r => r.ToString()).ToList(), outcome.AlreadyReceived);
        return outcome.AlreadyReceived ? TypedResults.Ok(answer) : TypedResults.Accepted((string?)null, answer);
    }
}
