using System.Text.RegularExpressions;

namespace Analytics.Core.Metrics.Core4;

/// <summary>
/// Configurable rules that put a work item in a <see cref="WorkCategory"/>: a label rule wins over a title pattern,
/// which wins over the work item's kind (the Jira kinds: bug, feature, incident, rework, support_request, task).
/// Names compare case-insensitively; configured entries are added to (and override) the defaults.
/// </summary>
public sealed class WorkItemCategoryRules
{
    /// <summary>Work-item kind → category. <c>task</c> has no default: a task can be any kind of work.</summary>
    public IDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["feature"] = WorkCategory.NewCapability,
        ["bug"] = WorkCategory.Unplanned,
        ["incident"] = WorkCategory.Unplanned,
        ["support_request"] = WorkCategory.Unplanned,
        ["rework"] = WorkCategory.Maintenance,
    };

    /// <summary>Label → category.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["tech-debt"] = WorkCategory.Maintenance,
        ["maintenance"] = WorkCategory.Maintenance,
        ["upgrade"] = WorkCategory.Maintenance,
        ["dependencies"] = WorkCategory.Maintenance,
        ["chore"] = WorkCategory.Maintenance,
        ["hotfix"] = WorkCategory.Unplanned,
        ["outage"] = WorkCategory.Unplanned,
        ["new-capability"] = WorkCategory.NewCapability,
    };

    /// <summary>Regular expression on the title (case-insensitive) → category; the first pattern that matches, in key order, wins.</summary>
    public IDictionary<string, string> TitlePatterns { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [@"^\s*(upgrade|bump|migrate)\b"] = WorkCategory.Maintenance,
        [@"\b(outage|hotfix)\b"] = WorkCategory.Unplanned,
    };

    /// <summary>Throws naming the rule when a category is unknown or a pattern does not parse.</summary>
    public void Validate(string section)
    {
        foreach (var (name, rules) in new[] { ("Kinds", Kinds), ("Labels", Labels), ("TitlePatterns", TitlePatterns) })
        {
            foreach (var (key, category) in rules)
            {
                if (!WorkCategory.All.Contains(category))
                {
                    throw new ArgumentException($"{section}:Rules:{name}:{key} is '{category}'; use one of {string.Join(", ", WorkCategory.All)}.");
                }
            }
        }

        foreach (var pattern in TitlePatterns.Keys)
        {
            try
            {
                _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{section}:Rules:TitlePatterns has a pattern that does not parse, '{pattern}': {e.Message}", e);
            }
        }
    }

    /// <summary>The compiled form, for classifying many items.</summary>
    public CompiledCategoryRules Compile() => new(this);
}
