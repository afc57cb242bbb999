using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Core4;
using Analytics.Reports.Definitions;

namespace Analytics.Reports.Building;

/// <summary>The DX Core 4 section: the organisation's (or the team's) panel and, in the organisation report, every team's.</summary>
public sealed partial class ReportBuilder
{
    /// <summary>
    /// The section's figures, or null when the definition leaves it out or the scope merged no pull request and resolved
    /// no work item this quarter (then there is nothing of Core 4's own to show). One <see cref="MetricsService.Core4Async(Quarter, string?, DateOnly, CancellationToken)"/>
    /// call gives every team's panel; a closed quarter's come from <see cref="FigureCache"/>.
    /// </summary>
    private async Task<Core4Figures?> Core4Async(ReportDefinition definition, Quarter quarter, string? team, QuarterlyReport.InProgress? progress, string version,
        Func<string?, bool> listed, Func<string?, string> name, CancellationToken cancellationToken)
    {
        if (!definition.Has("core4"))
        {
            return null;
        }

        var until = progress?.Until ?? quarter.End;
        var core4 = progress is null
            ? await figureCache.GetAsync(new Core4Key(quarter, team), version, () => metrics.Core4Async(quarter, team, until, cancellationToken))
            : await metrics.Core4Async(quarter, team, until, cancellationToken);
        var level = team is null ? "organisation" : "team";
        bool Scope(string rowLevel, string? rowTeam) => rowLevel == level && rowTeam == team;
        var merged = core4.PullRequestRates.Where(r => Scope(r.Level, r.TeamId) && r.PeriodStart == quarter.Start).Sum(r => r.MergedPullRequests + r.UnattributedPullRequests);
        var resolved = core4.Impact.Where(r => Scope(r.Level, r.TeamId) && r.PeriodStart == quarter.Start).Sum(r => r.Items);
        if ((merged == 0 && resolved == 0) || core4.Panels.FirstOrDefault(p => Scope(p.Level, p.TeamId)) is not { } panel)
        {
            return null;
        }

        var teams = team is not null
            ? []
            : core4.Panels.Where(p => p.Level == "team" && listed(p.TeamId))
                .Select(p => new Core4Figures.TeamPanel(name(p.TeamId), p,
                    core4.TimeToTenthPullRequest.Any(t => t.Level == "team" && t.TeamId == p.TeamId && t.CohortStart == quarter.Start && t.Suppressed)))
                .OrderBy(p => p.Team, StringComparer.Ordinal).ToList();
        return new Core4Figures(panel, teams, ModelNote(core4), metricsOptions.Value.MinimumGroupSize);
    }

    /// <summary>How the impact figure classified work items: the text model with its cross-validated accuracy, or why there is none.</summary>
    private static string ModelNote(Core4Metrics core4) => core4.Model.Used
        ? string.Create(CultureInfo.InvariantCulture,
            $"Items no rule matched were classified by a text model trained on the {core4.Model.TrainingItems:N0} items the rules classified: cross-validated accuracy {100 * core4.Model.MacroAccuracy:0}% (macro, the mean over the three categories) and {100 * core4.Model.MicroAccuracy:0}% (micro). That is how well it reproduces the rules, so the rules-only share stays beside it.")
        : $"No text model was used, so impact is by the rules alone: {core4.Model.Reason}.";

    private sealed record Core4Key(Quarter Quarter, string? Team);
}
