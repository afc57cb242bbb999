namespace Analytics.Ingestion.Connectors.PagerDuty;

/// <summary>The PagerDuty source (configuration section <c>Pulse:Sources:PagerDuty</c>); the token is never logged.</summary>
public sealed class PagerDutyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Sources:PagerDuty";

    /// <summary>The REST API's base address.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.pagerduty.com");

    /// <summary>A read-only REST API key (environment: <c>Pulse__Sources__PagerDuty__Token</c>).</summary>
    public string? Token { get; set; }

    /// <summary>PagerDuty service id → Pulse service id, for services whose PagerDuty name differs from the Pulse id.</summary>
    public Dictionary<string, string> ServiceMap { get; set; } = [];

    /// <summary>How far back the first sync reads.</summary>
    public int FirstSyncDays { get; set; } = 90;
}
