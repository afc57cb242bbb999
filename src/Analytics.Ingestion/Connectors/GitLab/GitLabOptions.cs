namespace Analytics.Ingestion.Connectors.GitLab;

/// <summary>The GitLab source (configuration section <c>Pulse:Sources:GitLab</c>); the token is never logged.</summary>
public sealed class GitLabOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Sources:GitLab";

    /// <summary>The REST API's base address (self-managed: <c>https://host/api/v4/</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://gitlab.com/api/v4/");

    /// <summary>A token with <c>read_api</c> (environment: <c>Pulse__Sources__GitLab__Token</c>).</summary>
    public string? Token { get; set; }

    /// <summary>Project paths to sync (<c>group/project</c>); each must be a catalogued service's repository.</summary>
    public IList<string> Projects { get; } = [];

    /// <summary>How far back the first sync reads.</summary>
    public int FirstSyncDays { get; set; } = 90;

    /// <summary>How far before the watermark a sync looks again.</summary>
    public int OverlapHours { get; set; } = 24;
}
