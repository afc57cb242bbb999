using System.Globalization;
using System.Text.Json;
using Analytics.Core.Assistants;
using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Sources.Copilot;

/// <summary>
/// Maps a page of GitHub's organisation Copilot metrics (<c>GET /orgs/{org}/copilot/metrics</c>: an array of days,
/// each with <c>date</c>, <c>total_active_users</c>, <c>total_engaged_users</c>, <c>copilot_ide_code_completions</c>
/// by editor, model and language, <c>copilot_ide_chat</c>, <c>copilot_dotcom_chat</c> and
/// <c>copilot_dotcom_pull_requests</c>) to <see cref="AiUsageDay"/> rows: the day's totals and one row per editor and
/// language. What is valid is kept and the rest rejected with a reason: a day without its date or user counts is
/// rejected whole; an editor not in the known list, or a language entry without its name or counts, is rejected alone.
/// The day's suggestion and acceptance totals are the sums of the rows kept.
/// </summary>
public static class CopilotMetricsMapper
{
    /// <summary>The assistant name stored on Copilot rows.</summary>
    public const string Assistant = "copilot";

    /// <summary>The rows mapped from one page, and the parts refused.</summary>
    public sealed record MappedPage(IReadOnlyList<AiUsageDay> Rows, IReadOnlyList<RejectedRecord> Rejected, DateOnly? NewestDay);

    /// <summary>Maps a page; <paramref name="knownEditors"/> (lower case) are the editors accepted.</summary>
    /// <exception cref="FormatException">The page is not JSON or not an array of days.</exception>
    public static MappedPage Map(string body, string organisation, IReadOnlySet<string> knownEditors)
    {
        using var document = Parse(body);
        var rows = new List<AiUsageDay>();
        var rejected = new List<RejectedRecord>();
        DateOnly? newest = null;
        var index = 0;
        foreach (var day in document.RootElement.EnumerateArray())
        {
            var location = $"{organisation} metrics day {index++}";
            try
            {
                var date = Day(day);
                var active = Count(day, "total_active_users") ?? throw new FormatException($"the day {date:yyyy-MM-dd} has no total_active_users.");
                var engaged = Count(day, "total_engaged_users") ?? throw new FormatException($"the day {date:yyyy-MM-dd} has no total_engaged_users.");
                var breakdown = Breakdown(day, organisation, date, $"{organisation} {date:yyyy-MM-dd}", knownEditors, rejected);
                rows.AddRange(breakdown);
                var chat = Object(day, "copilot_ide_chat");
                var dotcomChat = Object(day, "copilot_dotcom_chat");
                var pulls = Object(day, "copilot_dotcom_pull_requests");
                var cells = breakdown.Where(r => r.Editor != AiUsageDay.All && r.Language != AiUsageDay.All).ToList();
                rows.Add(new AiUsageDay(Assistant, organisation, date, AiUsageDay.All, AiUsageDay.All, active, engaged,
                    cells.Sum(r => r.Suggestions ?? 0), cells.Sum(r => r.Acceptances ?? 0), cells.Sum(r => r.LinesSuggested ?? 0), cells.Sum(r => r.LinesAccepted ?? 0),
                    // The API does not say how many chatted both in the IDE and on github.com: the larger is a lower bound.
                    Math.Max(Count(chat, "total_engaged_users") ?? 0, Count(dotcomChat, "total_engaged_users") ?? 0),
                    SumOverModels(chat, "editors", "total_chats") + SumModels(dotcomChat, "total_chats"),
                    Count(pulls, "total_engaged_users"),
                    SumOverModels(pulls, "repositories", "total_pr_summaries_created"),
                    Assistant));
                newest = newest is { } known && known > date ? known : date;
            }
            catch (FormatException error)
            {
                rejected.Add(new RejectedRecord(location, day.GetRawText(), error.Message));
            }
        }

        return new MappedPage(rows, rejected, newest);
    }

    private static List<AiUsageDay> Breakdown(JsonElement day, string organisation, DateOnly date, string location, IReadOnlySet<string> knownEditors, List<RejectedRecord> rejected)
    {
        var rows = new List<AiUsageDay>();
        if (Object(day, "copilot_ide_code_completions") is not { } completions)
        {
            return rows;
        }

        foreach (var editor in Array(completions, "editors"))
        {
            var name = Text(editor, "name")?.ToLowerInvariant();
            if (name is null || !knownEditors.Contains(name))
            {
                rejected.Add(new RejectedRecord($"{location} editor {name ?? "(no name)"}", editor.GetRawText(),
                    name is null ? "the editor has no name." : $"'{name}' is not a known editor; add it to Pulse:Sources:Copilot:Editors to keep its figures."));
                continue;
            }

            var byLanguage = new Dictionary<string, (long Engaged, long Suggested, long Accepted, long LinesSuggested, long LinesAccepted)>(StringComparer.Ordinal);
            foreach (var language in Array(editor, "models").SelectMany(m => Array(m, "languages")))
            {
                var languageName = Text(language, "name")?.ToLowerInvariant();
                var (suggested, accepted) = (Count(language, "total_code_suggestions"), Count(language, "total_code_acceptances"));
                if (languageName is null || suggested is null || accepted is null || accepted > suggested)
                {
                    rejected.Add(new RejectedRecord($"{location} editor {name} language {languageName ?? "(no name)"}", language.GetRawText(),
                        languageName is null ? "the language has no name."
                        : accepted > suggested ? $"more acceptances ({accepted}) than suggestions ({suggested})."
                        : "the language lacks total_code_suggestions or total_code_acceptances."));
                    continue;
                }

                var sum = byLanguage.GetValueOrDefault(languageName);
                byLanguage[languageName] = (sum.Engaged + (Count(language, "total_engaged_users") ?? 0), sum.Suggested + suggested.Value, sum.Accepted + accepted.Value,
                    sum.LinesSuggested + (Count(language, "total_code_lines_suggested") ?? 0), sum.LinesAccepted + (Count(language, "total_code_lines_accepted") ?? 0));
            }

            rows.Add(Row(organisation, date, name, AiUsageDay.All, Count(editor, "total_engaged_users"), byLanguage.Values.Sum(v => v.Suggested), byLanguage.Values.Sum(v => v.Accepted),
                byLanguage.Values.Sum(v => v.LinesSuggested), byLanguage.Values.Sum(v => v.LinesAccepted)));
            rows.AddRange(byLanguage.Select(l => Row(organisation, date, name, l.Key, l.Value.Engaged, l.Value.Suggested, l.Value.Accepted, l.Value.LinesSuggested, l.Value.LinesAccepted)));
        }

        foreach (var language in Array(completions, "languages"))
        {
            if (Text(language, "name")?.ToLowerInvariant() is { } languageName)
            {
                rows.Add(Row(organisation, date, AiUsageDay.All, languageName, Count(language, "total_engaged_users"), null, null, null, null));
            }
        }

        return rows;
    }

    private static AiUsageDay Row(string organisation, DateOnly date, string editor, string language, long? engaged, long? suggested, long? accepted, long? linesSuggested, long? linesAccepted) =>
        new(Assistant, organisation, date, editor, language, null, engaged, suggested, accepted, linesSuggested, linesAccepted, null, null, null, null, Assistant);

    private static JsonDocument Parse(string body)
    {
        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                throw new FormatException("The Copilot metrics page is not what the source documents: it is not an array of days.");
            }

            return document;
        }
        catch (JsonException error)
        {
            throw new FormatException($"The Copilot metrics page is not JSON: {error.Message}", error);
        }
    }

    private static DateOnly Day(JsonElement day) =>
        Text(day, "date") is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException("the day has no date (YYYY-MM-DD).");

    private static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static List<JsonElement> Array(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList()
            : [];

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static long? Count(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0
            ? count
            : null;

    private static long SumModels(JsonElement? parent, string field) => Array(parent, "models").Sum(m => Count(m, field) ?? 0);

    private static long SumOverModels(JsonElement? parent, string groups, string field) => Array(parent, groups).Sum(g => SumModels(g, field));
}
