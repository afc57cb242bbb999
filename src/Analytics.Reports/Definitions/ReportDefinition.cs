namespace Analytics.Reports.Definitions;

/// <summary>What a report shows: see <c>reports/README.md</c>.</summary>
public sealed class ReportDefinition
{
    /// <summary>Every section a report can have, in the default order.</summary>
    public static readonly IReadOnlyList<string> KnownSections = ["cover", "summary", "delivery", "sentiment", "adoption", "onboarding", "core4", "ai", "methodology"];

    /// <summary>The title on the cover.</summary>
    public string Title { get; set; } = "Developer platform quarterly review";

    /// <summary>Sections in print order.</summary>
    public List<string> Sections { get; set; } = [.. KnownSections];

    /// <summary>Quarters of history in the trends.</summary>
    public int HistoryQuarters { get; set; } = 8;

    /// <summary>Quarters forecast after the history.</summary>
    public int ForecastQuarters { get; set; } = 2;

    /// <summary>Teams listed; empty for all.</summary>
    public List<string> Teams { get; set; } = [];

    /// <summary>Whether the report has a section.</summary>
    public bool Has(string section) => Sections.Contains(section, StringComparer.Ordinal);
}
