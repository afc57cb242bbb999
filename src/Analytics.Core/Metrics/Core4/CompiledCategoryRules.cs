using System.Text.RegularExpressions;

namespace Analytics.Core.Metrics.Core4;

/// <summary><see cref="WorkItemCategoryRules"/> with the title patterns compiled once.</summary>
public sealed class CompiledCategoryRules
{
    private readonly Dictionary<string, string> _kinds;
    private readonly Dictionary<string, string> _labels;
    private readonly IReadOnlyList<(Regex Pattern, string Category)> _titles;

    internal CompiledCategoryRules(WorkItemCategoryRules rules)
    {
        _kinds = new Dictionary<string, string>(rules.Kinds, StringComparer.OrdinalIgnoreCase);
        _labels = new Dictionary<string, string>(rules.Labels, StringComparer.OrdinalIgnoreCase);
        _titles = rules.TitlePatterns
            .OrderBy(rule => rule.Key, StringComparer.Ordinal)
            .Select(rule => (new Regex(rule.Key, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), rule.Value))
            .ToList();
    }

    /// <summary>The category the rules give an item, or null when no rule matches.</summary>
    public string? CategoryOf(string kind, IReadOnlyList<string?> labels, string? title)
    {
        foreach (var label in labels)
        {
            if (label is not null && _labels.TryGetValue(label.Trim(), out var byLabel))
            {
                return byLabel;
            }
        }

        if (!string.IsNullOrWhiteSpace(title))
        {
            foreach (var (pattern, category) in _titles)
            {
                if (pattern.IsMatch(title))
                {
                    return category;
                }
            }
        }

        return _kinds.TryGetValue(kind, out var byKind) ? byKind : null;
    }
}
