using Analytics.Ingestion.Sources.Jira;

namespace Analytics.Ingestion.Connectors.Jira;

/// <summary>The Jira Cloud source (configuration section <c>Pulse:Sources:Jira</c>); the API token is never logged.</summary>
public sealed class JiraOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Sources:Jira";

    /// <summary>The site, for example <c>https://acme.atlassian.net/</c>.</summary>
    public Uri BaseUrl { get; set; } = new("https://your-site.atlassian.net/");

    /// <summary>The account the API token belongs to.</summary>
    public string? Email { get; set; }

    /// <summary>An API token of <see cref="Email"/> (environment: <c>Pulse__Sources__Jira__ApiToken</c>).</summary>
    public string? ApiToken { get; set; }

    /// <summary>Which issues to pull, as JQL without ORDER BY, for example <c>project in (PAY, PLAT)</c>.</summary>
    public string Jql { get; set; } = "project IS NOT EMPTY";

    /// <summary>How issues become work-item kinds: <c>Kinds:IssueTypes</c>, <c>Kinds:Labels</c>, <c>Kinds:RequestTypes</c>.</summary>
    public JiraKindRules Kinds { get; } = new();

    /// <summary>Owning team per Jira project key; projects not named keep the team earlier imports gave them.</summary>
    public IDictionary<string, string> ProjectTeams { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far back the first sync reads.</summary>
    public int FirstSyncDays { get; set; } = 90;

    /// <summary>How far before the watermark a sync looks again (JQL compares times in the account's time zone).</summary>
    public int OverlapHours { get; set; } = 24;
}
