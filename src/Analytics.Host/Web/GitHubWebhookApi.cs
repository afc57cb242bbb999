using Analytics.Ingestion.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web;

/// <summary>
/// <c>POST /api/v1/webhooks/github</c>: GitHub's webhook deliveries, verified with <c>X-Hub-Signature-256</c>
/// against <c>Pulse:Webhooks:GitHubSecret</c>. <c>deployment_status</c> and merged <c>pull_request</c> events are
/// stored; <c>ping</c> and other events are acknowledged and ignored. GitHub signs only the body, so replays are
/// recognised by <c>X-GitHub-Delivery</c>: a delivery id stored before (GitHub's "Redeliver" sends the same one) is
/// answered 200 "already received" and not applied again.
/// </summary>
internal static class GitHubWebhookApi
{
    /// <summary>What GitHub's delivery log shows.</summary>
    public sealed record Delivery(string Outcome);

    public static IEndpointRouteBuilder MapGitHubWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/webhooks/github", ReceiveAsync)
            .WithName("GitHubWebhook")
            .WithSummary("Receive GitHub deployment_status and pull_request deliveries.")
            .WithTags("Ingestion")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<Results<Accepted<Delivery>, Ok<Delivery>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, GitHubWebhookIngestor ingestor, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (body, problem) = await SignedDelivery.ReadAsync(
            request, settings.GitHubSecret, "Pulse:Webhooks:GitHubSecret", "X-Hub-Signature-256", settings.MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (eventName.Length == 0)
        {
            return TypedResults.Problem("Missing X-GitHub-Event header.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (eventName == "ping")
        {
            return TypedResults.Ok(new Delivery("pong"));
        }

        var deliveryId = request.Headers["X-GitHub-Delivery"].ToString();
        if (deliveryId.Length is 0 or > StampedDelivery.MaxDeliveryIdLength)
        {
            return TypedResults.Problem("Missing X-GitHub-Delivery header (GitHub sends one per delivery).", statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await ingestor.IngestAsync(eventName, deliveryId, body!, cancellationToken);
        return outcome == GitHubWebhookIngestor.AlreadyReceived
            ? TypedResults.Ok(new Delivery(outcome))
            : TypedResults.Accepted((string?)null, new Delivery(outcome));
    }
}
