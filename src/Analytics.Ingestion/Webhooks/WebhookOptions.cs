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

    /// <summary>Largest accepted body, in bytes; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 1 << 20;
}
