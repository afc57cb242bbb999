using Analytics.Core.Metrics;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Builds the AI-assisted development dashboard from <see cref="MetricsService"/> (the figures of the API and the
/// report), kept in <see cref="DashboardCache"/> until the data changes.
/// </summary>
public sealed class AiAssistedData(MetricsService metrics, DashboardCache cache, SurveyStore store)
{
    /// <summary>Quarters shown, the filter's last.</summary>
    public const int QuartersShown = 4;

    /// <summary>Editor and language rows listed, by suggestions.</summary>
    public const int EditorsShown = 12;

    /// <summary>The page of a filter; <paramref name="today"/> bounds the before/after comparison to quarters that have ended.</summary>
    public async Task<AiAssistedModel> PageAsync(DashboardFilter filter, DateOnly today, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        return await cache.KeepAsync(new AiKey(filter.Quarter, filter.Team, filter.Until, today), () => BuildAsync(filter, teams, today, CancellationToken.None), cancellationToken);
    }

    private async Task<AiAssistedModel> BuildAsync(DashboardFilter filter, IReadOnlyList<TeamName> teams, DateOnly today, CancellationToken cancellationToken)
    {
        var quarters = new List<Quarter> { filter.Quarter };
        while (quarters.Count < QuartersShown)
        {
            quarters.Insert(0, quarters[0].Previous);
        }

        var scoped = new MetricsQuery(quarters[0].Start, filter.Until, PeriodGrain.Quarter, filter.Team);
        var level = filter.Team is null ? "organisation" : "team";
        var adoption = (await metrics.AiAdoptionAsync(scoped, cancellationToken)).Where(a => a.Level == level && a.TeamId == filter.Team).ToList();
        var usage = (await metrics.AiUsageAsync(scoped with { Team = null }, cancellationToken)).GroupBy(u => u.PeriodStart).ToDictionary(g => g.Key, g => g.First());
        var changes = (await metrics.AiAssistedDeliveryAsync(scoped, cancellationToken)).Where(c => c.Level == level && c.TeamId == filter.Team).ToList();
        var survey = (await metrics.AiSurveyAsync(scoped, cancellationToken)).Where(s => s.Level == level && s.TeamId == filter.Team).ToList();
        var editors = (await metrics.AiUsageByEditorAsync(new MetricsQuery(filter.Quarter.Start, filter.Until, PeriodGrain.Quarter), cancellationToken))
            .Where(e => e.Editor != "all" && e.Language != "all")
            .OrderBy(e => e.Suppressed).ThenByDescending(e => e.Suggestions ?? 0).ThenBy(e => e.Editor, StringComparer.Ordinal).ThenBy(e => e.Language, StringComparer.Ordinal)
            .Take(EditorsShown).ToList();
        var beforeAfter = await metrics.AiBeforeAfterAsync(today, cancellationToken);
        return new AiAssistedModel(filter, teams, quarters,
            [.. quarters.Select(q => adoption.FirstOrDefault(a => a.PeriodStart == q.Start))],
            [.. quarters.Select(q => usage.GetValueOrDefault(q.Start))],
            [.. quarters.Select(q => changes.FirstOrDefault(c => c.PeriodStart == q.Start))],
            survey, editors, beforeAfter, metrics.MinimumGroupSize);
    }

    private sealed record AiKey(Quarter Quarter, string? Team, DateOnly Until, DateOnly Today);
}
