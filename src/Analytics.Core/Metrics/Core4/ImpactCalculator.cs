using Analytics.Core.Metrics.Core4.Classification;

namespace Analytics.Core.Metrics.Core4;

/// <summary>Classifies work items (rules first, then the model for the rest) and adds them up per period and group.</summary>
public static class ImpactCalculator
{
    /// <summary>The items as the text model reads them: labels joined by spaces, null text as empty.</summary>
    public static WorkItemText TextOf(Core4WorkItem item, string category = "") => new()
    {
        Title = item.Title ?? "",
        Labels = string.Join(' ', item.LabelList.Where(label => !string.IsNullOrWhiteSpace(label))),
        Kind = item.Kind,
        Category = category,
    };

    /// <summary>
    /// The impact rows per period, for the organisation (unless <paramref name="teamRun"/>) and every team that
    /// resolved work items. <paramref name="model"/> classifies what no rule matched; null means rules only.
    /// </summary>
    public static IReadOnlyList<ImpactShares> Shares(IReadOnlyList<Core4WorkItem> items, CompiledCategoryRules rules, WorkItemModel? model, bool teamRun)
    {
        var byRule = items.Select(item => rules.CategoryOf(item.Kind, item.LabelList, item.Title)).ToList();
        var unmatched = Enumerable.Range(0, items.Count).Where(i => byRule[i] is null).ToList();
        var predicted = model?.Predict(unmatched.Select(i => TextOf(items[i])).ToList());
        var byModel = new string?[items.Count];
        for (var i = 0; predicted is not null && i < unmatched.Count; i++)
        {
            byModel[unmatched[i]] = predicted[i];
        }

        var classified = items.Select((item, i) => (item, Rule: byRule[i], Model: byModel[i])).ToList();
        var groups = classified.GroupBy(c => (c.item.PeriodStart, Level: "team", c.item.TeamId)).Where(g => g.Key.TeamId is not null);
        if (!teamRun)
        {
            groups = classified.GroupBy(c => (c.item.PeriodStart, Level: "organisation", TeamId: (string?)null)).Concat(groups);
        }

        return groups
            .Select(g => Row(g.Key.Level, g.Key.TeamId, g.Key.PeriodStart, g.ToList(), model is not null))
            .OrderBy(row => row.PeriodStart).ThenBy(row => row.Level, StringComparer.Ordinal).ThenBy(row => row.TeamId, StringComparer.Ordinal)
            .ToList();
    }

    private static ImpactShares Row(string level, string? team, DateOnly period, List<(Core4WorkItem Item, string? Rule, string? Model)> items, bool modelUsed)
    {
        var rules = items.Where(i => i.Rule is not null).Select(i => i.Rule!).ToList();
        var all = items.Select(i => i.Rule ?? i.Model).OfType<string>().ToList();
        return new ImpactShares(level, team, period, items.Count, rules.Count, all.Count - rules.Count, SharesOf(rules), modelUsed ? SharesOf(all) : null);
    }

    private static Dictionary<string, double> SharesOf(List<string> categories) =>
        categories.Count == 0
            ? []
            : WorkCategory.All.ToDictionary(c => c, c => (double)categories.Count(x => x == c) / categories.Count, StringComparer.Ordinal);
}
