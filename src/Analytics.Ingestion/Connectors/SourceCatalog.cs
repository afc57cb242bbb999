using Analytics.Ingestion.Connectors.Copilot;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Analytics.Ingestion.Connectors.Jira;
using Analytics.Ingestion.Connectors.PagerDuty;

namespace Analytics.Ingestion.Connectors;

/// <summary>The API sources Pulse can sync, with their configuration sections (where their <c>Cron</c> lives).</summary>
public static class SourceCatalog
{
    /// <summary>Every source: name, configuration section, and what it pulls.</summary>
    public static readonly IReadOnlyList<(string Name, string Section, string Pulls)> All =
    [
        ("github", GitHubOptions.Section, "deployments, Actions runs counted as deployments, merged pull requests with commits"),
        ("gitlab", GitLabOptions.Section, "deployments, merged merge requests with commits"),
        ("jira", JiraOptions.Section, "issues as work items (bugs, features, incidents, rework, support requests)"),
        ("pagerduty", PagerDutyOptions.Section, "incidents"),
        ("copilot", CopilotOptions.Section, "GitHub Copilot daily metrics by editor and language, and licensed seats"),
    ];

    /// <summary>The source names.</summary>
    public static IEnumerable<string> Names => All.Select(s => s.Name);
}
