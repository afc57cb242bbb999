using Analytics.Ingestion.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web;

/// <summary>
/// <c>POST /api/v1/events</c>: push ingestion of deployment, change, incident and work-item events, one JSON object
/// or an NDJSON batch, signed with HMAC-SHA256 in <c>X-Pulse-Signature: sha256=&lt;hex&gt;</c>. 202 once the batch
/// is committed; 401 (nothing stored) for a missing or wrong signature; 413 for a body over the limit.
/// </summary>
internal static class EventsApi
{
    public const string SignatureHeader = "X-Pulse-Signature";

    /// <summary>What the sender gets back.</summary>
    public sealed record EventsAccepted(long Stored, IReadOnlyList<string> Rejected);

    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/events", IngestAsync)
            .WithName("IngestEvents")
            .WithSummary("Store pushed events (JSON or NDJSON), signed with HMAC-SHA256.")
            .WithTags("Ingestion")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Accepted<EventsAccepted>, ProblemHttpResult>> IngestAsync(
        HttpRequest request, EventIngestor ingestor, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (body, problem) = await SignedDelivery.ReadAsync(request, settings.Secret, "Pulse:Webhooks:Secret", SignatureHeader, settings.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (stored, rejected) = await ingestor.IngestAsync(body!, cancellationToken);
        return TypedResults.Accepted((string?)null, new EventsAccepted(stored, rejected.Select(r => r.ToString()).ToList()));
    }
}
