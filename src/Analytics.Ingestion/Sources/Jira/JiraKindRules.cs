namespace Analytics.Ingestion.Sources.Jira;

/// <summary>
/// How Jira issues become work-item kinds (bug, feature, task, incident, rework, support_request): a label rule
/// wins over a request-type rule, which wins over the issue type. Names compare case-insensitively.
/// </summary>
public sealed class JiraKindRules
{
    /// <summary>Issue type → kind; configured types are added to (and override) the defaults.</summary>
    public IDictionary<string, string> IssueTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Bug"] = "bug",
        ["Story"] = "feature",
        ["Epic"] = "feature",
        ["Task"] = "task",
        ["Sub-task"] = "task",
        ["Incident"] = "incident",
        ["Service Request"] = "support_request",
        ["Support"] = "support_request",
    };

    /// <summary>Label → kind.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["rework"] = "rework",
        ["incident"] = "incident",
    };

    /// <summary>Jira Service Management request type → kind, for example "Get help with CI" → support_request.</summary>
    public IDictionary<string, string> RequestTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The kinds a work item can have.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "bug", "feature", "incident", "rework", "support_request", "task" };

    /// <summary>The defaults.</summary>
    public static JiraKindRules Default { get; } = new();

    /// <summary>The kind of an issue, or null when no rule covers it.</summary>
    public string? KindOf(string issueType, IReadOnlyList<string?> labels, string? requestType) =>
        labels.Select(l => l is not null && Labels.TryGetValue(l, out var k) ? k : null).FirstOrDefault(k => k is not null)
        ?? (requestType is not null && RequestTypes.TryGetValue(requestType, out var byRequest) ? byRequest : null)
        ?? (IssueTypes.TryGetValue(issueType, out var byType) ? byType : null);
}
