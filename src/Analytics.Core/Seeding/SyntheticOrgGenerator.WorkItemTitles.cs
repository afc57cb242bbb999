using Analytics.Core.Metrics.Core4;
using Analytics.Core.WorkItems;

namespace Analytics.Core.Seeding;

/// <summary>
/// Work-item titles whose words say what the work was, and tasks (a kind no category rule covers) for DX Core 4's
/// impact figure: some carry a label or title the rules know, most are left for the text model.
/// </summary>
public sealed partial class SyntheticOrgGenerator
{
    private static readonly Dictionary<string, (string[] Verbs, string[] Objects)> TitleWords = new()
    {
        [WorkCategory.NewCapability] = (["Add", "Launch", "Introduce", "Offer", "Build"],
            ["saved searches for customers", "CSV export of invoices", "dark mode in the app", "one-click checkout", "a partner API", "team dashboards", "recurring payments"]),
        [WorkCategory.Maintenance] = (["Refactor", "Clean up", "Replace", "Deprecate", "Tidy"],
            ["the legacy billing module", "old logging library", "flaky integration tests", "unused feature flags", "the build scripts", "outdated SDK version"]),
        [WorkCategory.Unplanned] = (["Fix", "Investigate", "Resolve", "Stop"],
            ["crash when saving drafts", "timeouts on the search page", "errors in the payment callback", "broken login redirect", "failing nightly job", "wrong totals in reports"]),
    };

    /// <summary>Labels and title openings the default category rules know, given to a few tasks.</summary>
    private static readonly Dictionary<string, string> RuleLabels = new()
    {
        [WorkCategory.NewCapability] = "new-capability",
        [WorkCategory.Maintenance] = "tech-debt",
        [WorkCategory.Unplanned] = "hotfix",
    };

    private static string TitleOf(string category, Random words)
    {
        var (verbs, objects) = TitleWords[category];
        return $"{words.Pick(verbs)} {words.Pick(objects)}";
    }

    private void WriteTasks(Writers writers, TeamPlan team, string key, DateOnly day, Random words)
    {
        for (var i = words.Poisson(0.3); i > 0; i--)
        {
            var category = words.Weighted<string>([(WorkCategory.NewCapability, 0.4), (WorkCategory.Maintenance, 0.35), (WorkCategory.Unplanned, 0.25)]);
            var marked = words.NextDouble();
            // One task in five carries a label a rule knows; one in ten maintenance tasks opens with "Upgrade".
            var title = category == WorkCategory.Maintenance && marked < 0.1 ? $"Upgrade {words.Pick(TitleWords[category].Objects)}" : TitleOf(category, words);
            IReadOnlyList<string?> labels = marked > 0.8 ? ["task", RuleLabels[category]] : ["task"];
            var created = At(day, 8 + (words.NextDouble() * 9));
            var resolved = created.AddHours(Math.Max(0.5, words.LogNormal(48, 0.8)));
            var done = resolved < At(_options.Until, 0);
            writers.Write(new WorkItem($"seed:{key}-T{day:yyyyMMdd}-{i}", key, "task", title, labels, team.Team.TeamId, null, null, done ? "Done" : "In Progress",
                created, null, done ? resolved : null, Source));
        }
    }
}
