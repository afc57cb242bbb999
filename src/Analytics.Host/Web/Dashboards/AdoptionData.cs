using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Support;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// Builds the adoption and onboarding dashboard from <see cref="MetricsService"/> (the figures of the CLI, the API and
/// the report), kept in <see cref="DashboardCache"/> until the data changes.
/// </summary>
public sealed class AdoptionData(MetricsService metrics, DashboardCache cache, SurveyStore store)
{
    /// <summary>Quarters shown for a quarter, the filter's last.</summary>
    public const int QuartersShown = 4;

    /// <summary>Self-service candidates listed, by effort.</summary>
    public const int CandidatesShown = 10;

    /// <summary>The page of a filter.</summary>
    public async Task<AdoptionModel> PageAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        return await cache.KeepAsync(new AdoptionKey(filter), () => BuildAsync(filter, teams, CancellationToken.None), cancellationToken);
    }

    private async Task<AdoptionModel> BuildAsync(DashboardFilter filter, IReadOnlyList<TeamName> teams, CancellationToken cancellationToken)
    {
        // A quarter shows the four quarters to it; a range, the quarters it touches (its first one from its first day).
        var quarters = new List<Quarter> { filter.IsRange ? Quarter.Of(filter.Until.AddDays(-1)) : filter.Quarter };
        while (filter.IsRange ? quarters[0].Start > filter.From : quarters.Count < QuartersShown)
        {
            quarters.Insert(0, quarters[0].Previous);
        }

        var scoped = new MetricsQuery(filter.IsRange ? filter.From : quarters[0].Start, filter.Until, PeriodGrain.Quarter, filter.Team);
        var organisation = scoped with { Team = null };
        var adoption = await metrics.QueryAsync<PlatformAdoption>("adoption", scoped, cancellationToken);
        var capabilities = await metrics.QueryAsync<CapabilityAdoption>("capability_adoption", scoped, cancellationToken);
        var participation = await metrics.QueryAsync<ParticipatoryAdoption>("participatory_adoption", organisation, cancellationToken);
        var support = await metrics.QueryAsync<SupportLoad>("support_load", organisation, cancellationToken);
        var categories = await metrics.QueryAsync<SupportCategory>("support_categories", new MetricsQuery(filter.From, filter.Until, PeriodGrain.Range), cancellationToken);
        // Every team's cohorts, whichever team is asked for: what one team's row may show depends on its siblings.
        var cohorts = await metrics.QueryAsync<TimeToFirstDeploy>("time_to_first_deploy", organisation, cancellationToken);

        var level = filter.Team is null ? "organisation" : "team";
        T? InQuarter<T>(IEnumerable<T> rows, Func<T, DateOnly> start, Quarter quarter) where T : class => rows.FirstOrDefault(r => start(r) == quarter.Start);
        var platform = adoption.Where(a => a.Level == level && a.TeamId == filter.Team).ToList();
        return new AdoptionModel(
            filter,
            teams,
            quarters,
            [.. quarters.Select(q => InQuarter(platform, a => a.PeriodStart, q))],
            [.. capabilities.GroupBy(c => c.Capability).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CapabilityRow(g.Key, [.. quarters.Select(q => InQuarter(g, c => c.PeriodStart, q))]))],
            [.. quarters.Select(q => InQuarter(participation, p => p.PeriodStart, q))],
            Cohorts(cohorts, filter.Team, metrics.MinimumGroupSize),
            [.. quarters.Select(q => InQuarter(support, s => s.PeriodStart, q))],
            [.. categories.OrderByDescending(c => c.EffortHours ?? 0).ThenBy(c => c.Category, StringComparer.Ordinal).Take(CandidatesShown)],
            metrics.MinimumGroupSize);
    }

    /// <summary>
    /// The quarterly cohorts of the organisation or of one team. A group of fewer than <paramref name="k"/> starters is
    /// hidden; when the hidden starters of a quarter add up to fewer than k, the organisation's total minus the shown
    /// teams would reveal them, so the smallest shown teams are hidden too until they do (or, failing that, the
    /// organisation's row).
    /// </summary>
    internal static List<OnboardingCohort> Cohorts(IReadOnlyList<TimeToFirstDeploy> rows, string? team, int k)
    {
        var shown = new List<OnboardingCohort>();
        foreach (var cohort in rows.GroupBy(r => r.CohortStart).OrderBy(g => g.Key))
        {
            var org = cohort.FirstOrDefault(r => r.Level == "organisation");
            var teams = cohort.Where(r => r.Level == "team").OrderBy(r => r.Starters).ToList();
            var hidden = teams.Where(r => r.Starters < k).ToHashSet();
            var hiddenStarters = hidden.Sum(r => r.Starters);
            foreach (var next in teams.Where(r => !hidden.Contains(r)))
            {
                if (hiddenStarters == 0 || hiddenStarters >= k)
                {
                    break;
                }

                hidden.Add(next);
                hiddenStarters += next.Starters;
            }

            var orgHidden = org is null || org.Starters < k || (hiddenStarters > 0 && hiddenStarters < k);
            var row = team is null ? org : teams.FirstOrDefault(r => r.TeamId == team);
            if (row is null)
            {
                continue;
            }

            shown.Add(team is null ? orgHidden ? Hide(row) : Show(row) : hidden.Contains(row) ? Hide(row) : Show(row));
        }

        return shown;

        static OnboardingCohort Show(TimeToFirstDeploy r) => new(Quarter.Of(r.CohortStart), r.Starters, r.Deployed, r.MedianDays, r.P75Days, r.ShareWithin30Days, Hidden: false);
        static OnboardingCohort Hide(TimeToFirstDeploy r) => new(Quarter.Of(r.CohortStart), null, null, null, null, null, Hidden: true);
    }

    private sealed record AdoptionKey(DashboardFilter Filter);
}
