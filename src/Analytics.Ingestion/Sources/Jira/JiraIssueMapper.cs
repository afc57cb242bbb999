using System.Globalization;
using System.Text.Json.Nodes;
using Analytics.Core.WorkItems;

namespace Analytics.Ingestion.Sources.Jira;

/// <summary>
/// Maps Jira Cloud issues (<c>POST /rest/api/3/search/jql</c>, paged with <c>nextPageToken</c>) to work items.
/// Issue types, labels and request types map to kinds (<see cref="JiraKindRules"/>); Jira Service Management's request type gives the support category, its
/// "time to first response" SLA the first response, and the Team field the requesting team.
/// </summary>
public static class JiraIssueMapper
{
    /// <summary>Jira's timestamp formats once the offset has its colon: <c>2026-03-04T10:15:30.000+01:00</c>.</summary>
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:sszzz"];

    /// <summary>Maps one issue from the <c>issues</c> array of a search page.</summary>
    /// <param name="issue">The issue.</param>
    /// <param name="teamByProject">Owning team per Jira project.</param>
    /// <param name="teamByName">Team id for a Team field's name.</param>
    /// <param name="rules">How issues become kinds; <see cref="JiraKindRules.Default"/> when null.</param>
    public static WorkItem Map(JsonObject issue, IReadOnlyDictionary<string, string> teamByProject, Func<string?, string?> teamByName, JiraKindRules? rules = null)
    {
        var key = issue["key"]?.GetValue<string>() ?? throw new FormatException("An issue has no key.");
        var fields = issue["fields"] as JsonObject ?? throw new FormatException($"Issue {key} has no fields.");
        var project = fields["project"]?["key"]?.GetValue<string>() ?? throw new FormatException($"Issue {key} has no project.");
        var type = fields["issuetype"]?["name"]?.GetValue<string>() ?? throw new FormatException($"Issue {key} has no issue type.");
        IReadOnlyList<string?> labels = fields["labels"] is JsonArray array ? array.Select(l => (string?)l!.GetValue<string>()).ToList() : [];
        var category = fields["customfield_10010"]?["requestType"]?["name"]?.GetValue<string>();
        var kind = (rules ?? JiraKindRules.Default).KindOf(type, labels, category)
            ?? throw new FormatException($"Issue {key} has issue type '{type}', which no kind is mapped to: add it to Pulse:Sources:Jira:Kinds:IssueTypes.");
        if (!JiraKindRules.Kinds.Contains(kind))
        {
            throw new FormatException($"Issue {key} maps to kind '{kind}', which is not one of {string.Join(", ", JiraKindRules.Kinds)}: fix Pulse:Sources:Jira:Kinds.");
        }

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
    public static IReadOnlyList<JsonObject> ReadPage(Stream json) => ReadSearchPage(json).Issues;

    /// <summary>Reads one search page: its issues and the token of the next page (null on the last).</summary>
    public static (IReadOnlyList<JsonObject> Issues, string? NextPageToken) ReadSearchPage(Stream json)
    {
        JsonNode? page;
        try
        {
            page = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new FormatException($"The search page is not valid JSON: {error.Message}");
        }

        if (page?["issues"] is not JsonArray array)
        {
            throw new FormatException("The search page has no 'issues' array.");
        }

        var issues = array
            .Select(i => i as JsonObject ?? throw new FormatException("An issue is not a JSON object.")).ToList();
        var last = page["isLast"]?.GetValue<bool>() ?? false;
        return (issues, last ? null : page["nextPageToken"]?.GetValue<string>());
    }

    /// <summary>When the issue last changed (its <c>updated</c> field), for the watermark.</summary>
    public static DateTimeOffset? Updated(JsonObject issue) =>
        Timestamp(issue["fields"]?["updated"]?.GetValue<string>(), issue["key"]?.GetValue<string>() ?? "?");

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
