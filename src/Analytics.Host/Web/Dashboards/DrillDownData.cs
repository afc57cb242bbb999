using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Surveys;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The records behind a team's lead time, change failure rate, recovery time and rework rate for a filter, a page at a time,
/// from queries (<c>queries/dashboards/</c>) that apply the rules of the metric queries themselves, so what is listed
/// is exactly what the figure counts. Read at each request, not cached. A team's failures are few, so they are read
/// whole in one run of <c>deployment_failures</c> and paged here; changes and rework are paged by the query.
/// </summary>
public sealed class DrillDownData(SurveyStore store, PulseDatabase database, IOptions<MetricsOptions> options, SourceLinks links)
{
    /// <summary>One page of the changes the team's median lead time counts; <see cref="FormatException"/> for a page out of range.</summary>
    public async Task<ChangesModel> ChangesAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(filter, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<ChangeTotals>(Command("changes_counted_total", Parameters(filter, 1), cancellationToken));
        var number = DrillDownPaging.Number(page, totals.Total, "changes");
        var rows = await connection.QueryAsync<ShippedChange>(Command("changes_counted", Parameters(filter, number), cancellationToken));
        return new ChangesModel(filter, team, new DrillDownPage<ShippedChange>([.. rows.Select(r => r with { Url = links.Change(r) })], totals.Total, number, DrillDownPaging.Size), totals.MedianHours);
    }

    /// <summary>One page of the failed releases the team's change failure rate counts, with their incidents.</summary>
    public async Task<FailuresModel> FailuresAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(filter, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var releases = await connection.ExecuteScalarAsync<long>(Command("team_releases", Parameters(filter, 1), cancellationToken));
        var failures = (await connection.QueryAsync<FailedDeployment>(Command("failed_deployments", Parameters(filter, 1), cancellationToken))).ToList();
        var number = DrillDownPaging.Number(page, failures.Count, "failed deployments");
        var rows = await WithIncidentsAsync(connection, filter, PageOf(failures, number), reachBackHours: 0, cancellationToken);
        return new FailuresModel(filter, team, new DrillDownPage<FailedDeployment>(rows, failures.Count, number, DrillDownPaging.Size), releases);
    }

    /// <summary>One page of the failures the team's median recovery time counts (started in the period), with their incidents.</summary>
    public async Task<RecoveriesModel> RecoveriesAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(filter, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var failures = (await connection.QueryAsync<FailedDeployment>(Command("recoveries", Parameters(filter, 1), cancellationToken))).ToList();
        var number = DrillDownPaging.Number(page, failures.Count, "failures");
        // Recovery counts failures of releases from up to the inference window before the period, so their incidents may open that early.
        var rows = await WithIncidentsAsync(connection, filter, PageOf(failures, number), options.Value.InferenceWindowHours, cancellationToken);
        var hours = failures.Where(f => f.RecoveryHours is not null).Select(f => f.RecoveryHours!.Value).ToList();
        return new RecoveriesModel(filter, team, new DrillDownPage<FailedDeployment>(rows, failures.Count, number, DrillDownPaging.Size), hours.Count, Median(hours));
    }

    /// <summary>One page of the rework releases the team's deployment rework rate counts.</summary>
    public async Task<ReworkModel> ReworkAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(filter, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<ReworkTotals>(Command("rework_deployments_total", Parameters(filter, 1), cancellationToken));
        var number = DrillDownPaging.Number(page, totals.Total, "rework deployments");
        var rows = await connection.QueryAsync<ReworkDeployment>(Command("rework_deployments", Parameters(filter, number), cancellationToken));
        return new ReworkModel(filter, team, new DrillDownPage<ReworkDeployment>([.. rows.Select(r => r with { CommitUrl = links.Commit(r.Source, r.Repository, r.Sha) })],
            totals.Total, number, DrillDownPaging.Size), totals.Releases);
    }

    private async Task<List<FailedDeployment>> WithIncidentsAsync(PulseConnection connection, DashboardFilter filter, IReadOnlyList<FailedDeployment> rows, int reachBackHours, CancellationToken cancellationToken)
    {
        var metrics = options.Value;
        var incidents = (await connection.QueryAsync<AttributedIncident>(Command("failure_incidents", new
        {
            deployments = new ListParameter(rows.Select(r => r.DeploymentId)),
            from = filter.From, to = filter.Until, tz = metrics.TimeZone,
            infer_links = metrics.InferIncidentLinks, inference_hours = metrics.InferenceWindowHours, reach_back_hours = reachBackHours,
        }, cancellationToken))).Select(i => i with { Url = links.Incident(i) }).ToLookup(i => i.DeploymentId);
        return [.. rows.Select(r => r with { CommitUrl = links.Commit(r.Source, r.Repository, r.Sha), Incidents = [.. incidents[r.DeploymentId]] })];
    }

    // The first day covered: the quarter's start, or a date range's, whichever the filter shows.
    private static List<FailedDeployment> PageOf(List<FailedDeployment> all, int page) =>
        all.Skip((page - 1) * DrillDownPaging.Size).Take(DrillDownPaging.Size).ToList();

    // As DuckDB's quantile_cont(x, 0.5), which the metric uses: the middle value, or the mean of the middle two.
    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private async Task<TeamName> TeamAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        await store.TeamAsync(filter.Team!, cancellationToken) ?? throw new ArgumentException($"There is no team '{filter.Team}'.");

    private object Parameters(DashboardFilter filter, int page)
    {
        var metrics = options.Value;
        return new
        {
            from = filter.From, to = filter.Until, tz = metrics.TimeZone, team = filter.Team, service = filter.Service,
            remediation_hours = metrics.RemediationWindowHours, infer_links = metrics.InferIncidentLinks, inference_hours = metrics.InferenceWindowHours,
            limit = DrillDownPaging.Size, offset = (page - 1) * DrillDownPaging.Size,
        };
    }

    private static CommandDefinition Command(string query, object parameters, CancellationToken cancellationToken) =>
        new(SqlQueries.Get($"dashboards/{query}"), parameters, cancellationToken: cancellationToken);

    private sealed record ChangeTotals(long Total, double? MedianHours);

    // Releases and, of those, the rework ones.
    private sealed record ReworkTotals(long Releases, long Total);
}
