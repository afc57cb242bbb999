using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Ai;
using Analytics.Reports.Definitions;

namespace Analytics.Reports.Building;

/// <summary>The AI-assisted development section: seat adoption, AI-assisted changes against the others, the survey items, and before/after adoption.</summary>
public sealed partial class ReportBuilder
{
    /// <summary>
    /// The section's figures, or null when the definition leaves it out or the scope has no assistant seat, no
    /// AI-assisted change and no answer to the assistant survey items this quarter. The before/after comparison runs
    /// as of the quarter's end (a quarter in progress: today), so a report of a past quarter does not use later
    /// quarters; it is computed only when the section is shown. A closed quarter's figures come from <see cref="FigureCache"/>.
    /// </summary>
    private async Task<AiFigures?> AiAsync(ReportDefinition definition, Quarter quarter, string? team, QuarterlyReport.InProgress? progress, string version,
        Func<string?, bool> listed, IReadOnlyDictionary<string, string> teamNames, CancellationToken cancellationToken)
    {
        if (!definition.Has("ai"))
        {
            return null;
        }

        var rows = progress is null
            ? await figureCache.GetAsync(new AiKey(quarter, team), version, () => AiRowsAsync(quarter, team, null, cancellationToken))
            : await AiRowsAsync(quarter, team, progress, cancellationToken);
        var level = team is null ? "organisation" : "team";
        bool Scope(string rowLevel, string? rowTeam) => rowLevel == level && rowTeam == team;
        var adoption = rows.Adoption.FirstOrDefault(a => Scope(a.Level, a.TeamId) && a.PeriodStart == quarter.Start);
        var changes = rows.Changes.FirstOrDefault(c => Scope(c.Level, c.TeamId) && c.PeriodStart == quarter.Start);
        var survey = rows.Survey.Where(s => Scope(s.Level, s.TeamId)).OrderBy(s => s.OpensAt).ToList();
        var seats = adoption is { Suppressed: true } || adoption?.LicensedSeats > 0;
        var answered = survey.Any(s => s.Suppressed || s.Respondents > 0);
        if (!seats && changes is not { AiAssistedChanges: > 0 } && !answered)
        {
            return null;
        }

        var asOf = progress?.Until ?? quarter.End;
        var beforeAfter = progress is null
            ? await figureCache.GetAsync(new BeforeAfterKey(asOf), version, () => metrics.AiBeforeAfterAsync(asOf, cancellationToken))
            : await metrics.AiBeforeAfterAsync(asOf, cancellationToken);
        var threshold = metricsOptions.Value.AiAssisted.AdoptionThreshold;
        var byTeam = team is null
            ? rows.Adoption.Where(a => a.Level == "team" && listed(a.TeamId) && a.PeriodStart == quarter.Start).ToList()
            : [];
        return new AiFigures(
            adoption,
            rows.Adoption.FirstOrDefault(a => Scope(a.Level, a.TeamId) && a.PeriodStart == quarter.Previous.Start),
            byTeam.Count(a => !a.Suppressed && a.ActiveShare >= threshold),
            byTeam.Count(a => !a.Suppressed && a.ActiveShare < threshold),
            byTeam.Count(a => a.Suppressed),
            changes,
            rows.Changes.FirstOrDefault(c => Scope(c.Level, c.TeamId) && c.PeriodStart == quarter.Previous.Start),
            survey,
            beforeAfter,
            teamNames,
            team is null ? null : beforeAfter.Teams.FirstOrDefault(t => t.TeamId == team),
            threshold,
            metricsOptions.Value.MinimumGroupSize);
    }

    /// <summary>
    /// Adoption and AI-assisted changes of this quarter and the previous one (one query each over both quarters when
    /// this one is closed; a quarter in progress is compared with the same first days of the previous one), and the
    /// survey items of the waves that opened this quarter.
    /// </summary>
    private async Task<AiRows> AiRowsAsync(Quarter quarter, string? team, QuarterlyReport.InProgress? progress, CancellationToken cancellationToken)
    {
        var ranges = progress is null
            ? new[] { new MetricsQuery(quarter.Previous.Start, quarter.End, PeriodGrain.Quarter, team) }
            : [new MetricsQuery(quarter.Previous.Start, progress.PreviousUntil, PeriodGrain.Quarter, team), new MetricsQuery(quarter.Start, progress.Until, PeriodGrain.Quarter, team)];
        var adoption = new List<AiAdoption>();
        var changes = new List<AiAssistedDelivery>();
        foreach (var range in ranges)
        {
            adoption.AddRange(await metrics.AiAdoptionAsync(range, cancellationToken));
            changes.AddRange(await metrics.AiAssistedDeliveryAsync(range, cancellationToken));
        }

        var survey = await metrics.AiSurveyAsync(new MetricsQuery(quarter.Start, progress?.Until ?? quarter.End, PeriodGrain.Quarter, team), cancellationToken);
        return new AiRows(adoption, changes, survey);
    }

    private sealed record AiRows(IReadOnlyList<AiAdoption> Adoption, IReadOnlyList<AiAssistedDelivery> Changes, IReadOnlyList<AiSurveyResult> Survey);

    private sealed record AiKey(Quarter Quarter, string? Team);

    private sealed record BeforeAfterKey(DateOnly AsOf);
}
