using Analytics.Core.Assistants;
using Analytics.Core.Delivery;
using Analytics.Core.Organisation;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Core.WorkItems;

namespace Analytics.Reports.Tests;

/// <summary>
/// A hand-made organisation for the DX Core 4 and AI-assisted development sections of 2026-Q3 (UTC), whose figures
/// follow from docs/metrics.md by hand:
/// <list type="bullet">
/// <item>Payments (pay): five engineers employed all of 2026, 46 pull requests merged in Q3, 12 of them labelled
/// <c>ai-assisted</c> and released 6 hours after their first commit, the others after 10; five assistant seats, three
/// used in Q3 and one in Q2; 3 features and 1 bug resolved in Q3.</item>
/// <item>Web (web): two engineers, one of whom started on 1 July and merged 10 pull requests from 10 July (one a day:
/// the 10th after 18 days), each released after 8 hours; two seats (fewer than k = 5), one used in Q3; 1 feature and 1 bug resolved.</item>
/// <item>Operations (ops): five engineers who left on 31 March and merged nothing, whose five seats were never
/// reclaimed nor used. Web is under k seats, so Operations, its smaller sibling, is hidden with it: else the
/// organisation's seats less Payments' and Operations' would give Web's.</item>
/// <item>A closed AI assistant survey wave opening 6 July: six Payments respondents (1–2 and 4–8 hours saved in turn,
/// trust 4) and two Web ones (no time saved, trust 2), so Web is under k and Payments, its only sibling, is hidden with it.</item>
/// </list>
/// </summary>
internal static class AssistantOrganisation
{
    public const string WaveName = "July AI survey";

    private static readonly DateTimeOffset SeatsAssigned = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WaveOpens = new(2026, 7, 6, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Teams, engineers, merged pull requests and resolved work items: everything DX Core 4 reads, nothing of an assistant.</summary>
    public static void WriteDelivery(ReportDatabase db) => WriteDelivery(db, aiLabelled: 0);

    /// <summary>
    /// <see cref="WriteDelivery(ReportDatabase)"/>, with 12 of Payments' pull requests labelled <c>ai-assisted</c> (the
    /// default rule's label), Operations, the seats and their activity, and the assistant survey.
    /// </summary>
    public static void WriteAll(ReportDatabase db)
    {
        WriteDelivery(db, aiLabelled: 12);
        db.Write([new Team("ops", "Operations", null, false, "UTC", "test")]);
        db.Write(Enumerable.Range(1, 5).Select(i => Engineer($"o{i}", "ops", new DateOnly(2025, 1, 1)) with { EndDate = new DateOnly(2026, 3, 31) }));
        db.Write(new[] { "p1", "p2", "p3", "p4", "p5", "w1", "w2", "o1", "o2", "o3", "o4", "o5" }.Select(login => new AiSeat("copilot", login, SeatsAssigned, null, null, "test")));
        db.Write([
            Activity("p1", new DateOnly(2026, 5, 10)),
            Activity("p1", new DateOnly(2026, 7, 3)), Activity("p2", new DateOnly(2026, 8, 4)), Activity("p3", new DateOnly(2026, 9, 5)),
            Activity("w1", new DateOnly(2026, 8, 6)),
        ]);

        db.Write(AiAssistantsTemplate.Questions("ai"));
        db.Write([new SurveyWave("w-ai", "ai", WaveName, WaveOpens, WaveOpens.AddDays(14), true, 5, null, "closed")]);
        var options = AiAssistantsTemplate.TimeSavedOptions;
        var answers = Enumerable.Range(0, 6).Select(i => (Team: "pay", TimeSaved: options[i % 2 == 0 ? 2 : 4], Trust: 4))
            .Concat(Enumerable.Range(0, 2).Select(_ => (Team: "web", TimeSaved: options[0], Trust: 2)))
            .Select(a => (Response: new SurveyResponse(Guid.NewGuid(), "w-ai", a.Team, null, WaveOpens.AddHours(1), "link", "test"), a.TimeSaved, a.Trust))
            .ToList();
        db.Write(answers.Select(a => a.Response));
        db.Write(answers.SelectMany(a => new[]
        {
            new SurveyAnswer(a.Response.ResponseId, "ai_time_saved", null, [a.TimeSaved], null),
            new SurveyAnswer(a.Response.ResponseId, "ai_trust", a.Trust, null, null),
        }));
    }

    private static void WriteDelivery(ReportDatabase db, int aiLabelled)
    {
        db.Write([new Team("pay", "Payments", null, false, "UTC", "test"), new Team("web", "Web", null, false, "UTC", "test")]);
        db.Write([Service("pay-api", "pay"), Service("web-app", "web")]);
        db.Write(Enumerable.Range(1, 5).Select(i => Engineer($"p{i}", "pay", new DateOnly(2025, 1, 1)))
            .Append(Engineer("w1", "web", new DateOnly(2025, 1, 1)))
            .Append(Engineer("w2", "web", new DateOnly(2026, 7, 1))));
        var payFirst = new DateTimeOffset(2026, 7, 2, 12, 0, 0, TimeSpan.Zero);
        var webFirst = new DateTimeOffset(2026, 7, 10, 12, 0, 0, TimeSpan.Zero);
        // Each pull request has its own release: 6 hours from first commit for the first 12 of Payments', 10 for the
        // rest of Payments' and 8 for Web's.
        var pay = Enumerable.Range(0, 46).Select(i => (Id: $"pay-{i}", Service: "pay-api", Author: $"p{1 + (i % 5)}", Merged: payFirst.AddDays(i), LeadHours: i < 12 ? 6 : 10, Ai: i < aiLabelled));
        var web = Enumerable.Range(0, 10).Select(i => (Id: $"web-{i}", Service: "web-app", Author: "w2", Merged: webFirst.AddDays(i), LeadHours: 8, Ai: false));
        var changes = pay.Concat(web).ToList();
        db.Write(changes.Select(c => new Deployment($"d-{c.Id}", c.Service, "production", $"sha-{c.Id}", Released(c.Merged, c.LeadHours), Released(c.Merged, c.LeadHours), "success", false, false, true, null, "test")));
        db.Write(changes.Select(c => new Change(c.Id, "pull_request", null, c.Service, null, c.Author, "change", c.Ai ? ["ai-assisted"] : [],
            c.Merged.AddHours(-5), c.Merged.AddHours(-4), c.Merged.AddHours(-2), c.Merged, null, $"d-{c.Id}", "test", Released(c.Merged, c.LeadHours))));
        db.Write([
            WorkItem("pay", "feature", 1), WorkItem("pay", "feature", 2), WorkItem("pay", "feature", 3), WorkItem("pay", "bug", 4),
            WorkItem("web", "feature", 5), WorkItem("web", "bug", 6),
        ]);
    }

    private static Service Service(string id, string team) => new(id, id, team, $"acme/{id}", "production", false, null, null, null, null, "test");

    private static Engineer Engineer(string id, string team, DateOnly start) => new(id, id, null, id, team, start, null, "test");

    /// <summary>A release <paramref name="leadHours"/> after the first commit, which is 5 hours before the merge.</summary>
    private static DateTimeOffset Released(DateTimeOffset merged, int leadHours) => merged.AddHours(leadHours - 5);

    private static WorkItem WorkItem(string team, string kind, int day)
    {
        var resolved = new DateTimeOffset(2026, 8, day, 12, 0, 0, TimeSpan.Zero);
        return new WorkItem($"w-{team}-{day}", "P", kind, "work", [], team, null, null, "Done", resolved.AddDays(-3), null, resolved, "test");
    }

    private static AiSeatActivity Activity(string login, DateOnly day) => new("copilot", login, day, "test");
}
