namespace Analytics.Ingestion.Webhooks;

/// <summary>Push ingestion (configuration section <c>Pulse:Webhooks</c>); secrets come from config or the environment and are never logged.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Webhooks";

    /// <summary>HMAC-SHA256 key for <c>POST /api/v1/events</c>; the endpoint refuses everything while it is empty.</summary>
    public string? Secret { get; set; }

    /// <summary>The secret of the GitHub webhook (<c>X-Hub-Signature-256</c>); the endpoint refuses everything while it is empty.</summary>
    public string? GitHubSecret { get; set; }

    /// <summary>
    /// How far the signed <c>X-Pulse-Timestamp</c> of an event delivery may be from the service's clock, either way;
    /// a delivery id is remembered for this long past its timestamp, so a replay is refused either as stale or as
    /// already received.
    /// </summary>
    public TimeSpan ReplayTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a GitHub <c>X-GitHub-Delivery</c> id is remembered, so a re-sent delivery is acknowledged and not
    /// applied again. GitHub redelivers deliveries of the past 3 days; the default leaves a margin.
    /// </summary>
    public TimeSpan GitHubDeliveryMemory { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Largest accepted body, in bytes; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 1 << 20;
}
