using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Metrics.Support;
using Analytics.Reports.Charts;
using Analytics.Reports.Definitions;
using Analytics.Reports.Forecasting;
using Analytics.Reports.Themes;

namespace Analytics.Reports.Building;

/// <summary>Everything a quarterly report shows, computed and ready to render.</summary>
public sealed record QuarterlyReport(
    ReportDefinition Definition,
    string Organisation,
    Quarter Quarter,
    string? Team,
    string? TeamName,
    DateTimeOffset GeneratedAt,
    bool HasData,
    IReadOnlyList<QuarterlyReport.CoverageRow> Coverage,
    IReadOnlyList<QuarterlyReport.Kpi> Kpis,
    string? DoraLevel,
    IReadOnlyList<string> Findings,
    IReadOnlyList<QuarterlyReport.Trend> Trends,
    IReadOnlyList<QuarterlyReport.TeamLevel> TeamLevels,
    NpsResult? Nps,
    IReadOnlyList<QuarterlyReport.Chart> SentimentCharts,
    IReadOnlyList<Theme> Themes,
    string? ThemesNote,
    IReadOnlyList<QuarterlyReport.Chart> AdoptionCharts,
    IReadOnlyList<QuarterlyReport.Figure> AdoptionFigures,
    IReadOnlyList<SupportCategory> SelfServiceCandidates,
    IReadOnlyList<QuarterlyReport.Chart> OnboardingCharts,
    int SuppressedGroups,
    int MinimumGroupSize,
    QuarterlyReport.InProgress? Progress,
    QuarterlyReport.Chart? NpsTrend,
    IReadOnlyList<QuarterlyReport.TeamMove> TeamMoves)
{
    /// <summary>Each listed team's DORA 2025 buckets and profile; empty when the report year has none.</summary>
    public IReadOnlyList<Dora2025Row> Dora2025 { get; init; } = [];

    /// <summary>Why no team has a DORA 2025 profile this quarter (too few teams), or null.</summary>
    public string? Dora2025Note { get; init; }

    /// <summary>Which metrics' DORA 2025 buckets are Pulse's bands, not confirmed from the report's text; null when all are confirmed.</summary>
    public string? Dora2025UnconfirmedNote { get; init; }

    /// <summary>The DX Core 4 section; null when the report leaves it out or there is no pull request or work item to show.</summary>
    public Core4Figures? Core4 { get; init; }

    /// <summary>The AI-assisted development section; null when the report leaves it out or there are no assistant seats, AI-assisted changes or survey answers.</summary>
    public AiFigures? Ai { get; init; }

    /// <summary>A quarter not yet over: its figures cover its first days, compared with the same days of the quarter before.</summary>
    /// <param name="Until">The first day not covered (today, in the metrics' time zone).</param>
    /// <param name="DaysElapsed">Whole days covered.</param>
    /// <param name="Days">Days in the whole quarter.</param>
    /// <param name="PreviousUntil">The first day of the previous quarter not used for the comparison.</param>
    public sealed record InProgress(DateOnly Until, int DaysElapsed, int Days, DateOnly PreviousUntil);

    /// <summary>How much of one kind of record the database holds (a team report: the team's records).</summary>
    /// <param name="Kind">For example "Deployments".</param>
    /// <param name="Records">How many; null when withheld (a team's survey responses below the minimum group size).</param>
    /// <param name="First">The earliest record's time.</param>
    /// <param name="Last">The latest record's time.</param>
    public sealed record CoverageRow(string Kind, long? Records, DateTimeOffset? First, DateTimeOffset? Last);

    /// <summary>A team's largest delivery change since last quarter.</summary>
    /// <param name="Team">The team's name.</param>
    /// <param name="Metric">The figure that moved most, for example "Median lead time (h)".</param>
    /// <param name="Before">Its value last quarter.</param>
    /// <param name="Now">Its value this quarter.</param>
    /// <param name="Change">The change as a share of last quarter's value (0.4 = +40%).</param>
    /// <param name="Direction">better or worse.</param>
    /// <param name="Format">How the values are printed (a .NET format).</param>
    /// <param name="Outlier">Whether the change lies beyond the other teams' (Tukey's fence: 1.5 interquartile ranges above the upper quartile of all teams' absolute changes).</param>
    /// <param name="Level">The team's overall DORA level this quarter.</param>
    /// <param name="PreviousLevel">Its level last quarter.</param>
    public sealed record TeamMove(string Team, string Metric, double Before, double Now, double Change, string Direction, string Format, bool Outlier, string Level, string PreviousLevel);

    /// <summary>A headline figure with its quarter-over-quarter change.</summary>
    /// <param name="Name">For example "Deployments per day".</param>
    /// <param name="Value">This quarter, formatted; "—" without data.</param>
    /// <param name="Previous">Last quarter, formatted.</param>
    /// <param name="Change">The change in words, for example "+12%" or "−3 pts".</param>
    /// <param name="Direction">better, worse or flat.</param>
    /// <param name="RelativeChange">The change as a share of last quarter's value (0.12 = +12%), when there is one.</param>
    /// <param name="Note">A plain-words caution when the figure rests on very few values, for example "from only 2 changes".</param>
    public sealed record Kpi(string Name, string Value, string Previous, string Change, string Direction, double? RelativeChange, string? Note = null);

    /// <summary>A delivery metric's monthly history with its forecast.</summary>
    public sealed record Trend(string Metric, string Unit, Chart Chart, SeriesForecast Forecast);

    /// <summary>A chart: its specification, and once drawn, its SVG.</summary>
    public sealed record Chart(ChartSpec Spec)
    {
        /// <summary>The chart's title.</summary>
        public string Title => Spec.Title;

        /// <summary>What the chart shows, in a sentence.</summary>
        public string Description => Spec.Description;

        /// <summary>The drawn chart; null for a chart said in words (<see cref="ChartSpec.InWords"/>) or shown as a table (<see cref="HeatmapChart"/>).</summary>
        public string? Svg { get; set; }

        /// <summary>Whether the chart is drawn as SVG: a single value is a sentence, and a heatmap a shaded table whose headings repeat on every page.</summary>
        public bool Drawn => Spec is not HeatmapChart && Spec.InWords is null;
    }

    /// <summary>A team's DORA figures and level this quarter.</summary>
    public sealed record TeamLevel(string Team, double DeploysPerDay, double? LeadTimeHours, double? ChangeFailureRate, double? RecoveryHours, string Overall);

    /// <summary>A labelled figure.</summary>
    public sealed record Figure(string Label, string Value);
}
