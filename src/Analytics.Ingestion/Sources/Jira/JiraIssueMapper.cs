using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Core.WorkItems;

namespace Analytics.Ingestion.Sources.Jira;

/// <summary>
/// Maps Jira Cloud issues (<c>POST /rest/api/3/search/jql</c>, paged with <c>nextPageToken</c>) to work items.
/// Issue types and labels map to kinds; Jira Service Management's request type gives the support category, its
/// "time to first response" SLA the first response, and the Team field the requesting team.
/// </summary>
public static class JiraIssueMapper
{
    /// <summary>Default issue-type → kind mapping; labels <c>rework</c> and <c>incident</c> win over it.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultKinds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
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

    /// <summary>Jira's timestamp formats once the offset has its colon: <c>2026-03-04T10:15:30.000+01:00</c>.</summary>
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <summary>Maps one issue from the <c>issues</c> array of a search page.</summary>
    public static WorkItem Map(JsonObject issue, IReadOnlyDictionary<string, string> teamByProject, Func<string?, string?> teamByName)
    {
        var key = issue["key"]?.GetValue<string>() ?? throw new FormatException("An issue has no key.");
        var fields = issue["fields"] as JsonObject ?? throw new FormatException($"Issue {key} has no fields.");
        var project = fields["project"]?["key"]?.GetValue<string>() ?? throw new FormatException($"Issue {key} has no project.");
        var type = fields["issuetype"]?["name"]?.GetValue<string>() ?? throw new FormatException($"Issue {key} has no issue type.");
        IReadOnlyList<string?> labels = fields["labels"] is JsonArray array ? array.Select(l => (string?)l!.GetValue<string>()).ToList() : [];
        var kind = labels.Contains("rework") ? "rework"
            : labels.Contains("incident") ? "incident"
            : DefaultKinds.GetValueOrDefault(type) ?? throw new FormatException($"Issue {key} has issue type '{type}', which no kind is mapped to.");
        var category = fields["customfield_10010"]?["requestType"]?["name"]?.GetValue<string>();
        var firstResponse = fields["customfield_10020"]?["completedCycles"] is JsonArray cycles && cycles.Count > 0
            ? Timestamp(cycles[0]?["stopTime"]?["iso8601"]?.GetValue<string>(), key)
            : null;
        var requester = kind == "support_request" ? teamByName(fields["customfield_10001"]?["name"]?.GetValue<string>()) : null;
        return new WorkItem($"jira:{key}", project, kind, fields["summary"]?.GetValue<string>() ?? key, labels,
            teamByProject.GetValueOrDefault(project), requester, category, fields["status"]?["name"]?.GetValue<string>() ?? "Unknown",
            Timestamp(fields["created"]?.GetValue<string>(), key) ?? throw new FormatException($"Issue {key} has no created time."),
            firstResponse, Timestamp(fields["resolutiondate"]?.GetValue<string>(), key), "jira");
    }

    /// <summary>Reads the issues of one search page.</summary>
    public static IReadOnlyList<JsonObject> ReadPage(Stream json) =>
        (JsonNode.Parse(json)?["issues"] as JsonArray ?? throw new FormatException("The search page has no 'issues' array."))
            .Select(i => i as JsonObject ?? throw new FormatException("An issue is not a JSON object.")).ToList();

    private static DateTimeOffset? Timestamp(string? text, string key)
    {
        if (text is null)
        {
            return null;
        }

        // Jira writes the offset without a colon (+0100) and SLA times with 'Z'; an offset is required either way.
        var normalised = text.EndsWith('Z') ? $"{text[..^1]}+00:00"
            : text.Length > 5 && text[^5] is '+' or '-' && text[^4..].All(char.IsAsciiDigit) ? $"{text[..^2]}:{text[^2..]}"
            : text;
        return DateTimeOffset.TryParseExact(normalised, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw new FormatException($"Issue {key}: '{text}' is not a Jira timestamp with a zone.");
    }
}
