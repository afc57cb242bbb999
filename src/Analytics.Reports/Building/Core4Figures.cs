using Analytics.Core.Metrics.Core4;

namespace Analytics.Reports.Building;

/// <summary>The report's DX Core 4 section: the scope's panel, each listed team's (organisation report), and how impact was classified.</summary>
/// <param name="Panel">The organisation's panel, or the team's in a team report.</param>
/// <param name="Teams">Every listed team's panel, by name (organisation report only; empty in a team report).</param>
/// <param name="ModelNote">How the impact figure's work items were classified: the text model and its cross-validated accuracy, or why no model was used.</param>
/// <param name="MinimumGroupSize">k, below which days to the 10th pull request are withheld.</param>
public sealed record Core4Figures(Core4Panel Panel, IReadOnlyList<Core4Figures.TeamPanel> Teams, string ModelNote, int MinimumGroupSize)
{
    /// <summary>A team's panel with the team's name.</summary>
    /// <param name="Team">The team's name.</param>
    /// <param name="Panel">Its panel.</param>
    /// <param name="TenthWithheld">Engineers started in the team this quarter, but fewer than k have reached their 10th pull request, so the days are withheld.</param>
    public sealed record TeamPanel(string Team, Core4Panel Panel, bool TenthWithheld);
}
