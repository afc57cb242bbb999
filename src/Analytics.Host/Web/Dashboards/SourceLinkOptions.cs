namespace Analytics.Host.Web.Dashboards;

/// <summary>Where the drill-downs link records that no source setting locates (configuration section <c>Pulse:Dashboards:Links</c>).</summary>
public sealed class SourceLinkOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Dashboards:Links";

    /// <summary>
    /// The account's PagerDuty web address, such as <c>https://acme.pagerduty.com</c>: incidents are stored by id
    /// only and the API's address does not name the account, so without it incidents are not linked.
    /// </summary>
    public Uri? PagerDuty { get; set; }
}
