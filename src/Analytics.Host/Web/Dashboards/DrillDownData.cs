using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Surveys;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The records behind a team's lead time, change failure rate and recovery time for a filter, a page at a time,
/// from queries (<c>queries/dashboards/</c>) that apply the rules of the metric queries themselves, so what is listed
/// is exactly what the figure counts. Read at each request, not cached: a page is small, its count one scan.
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
        var totals = await connection.QuerySingleAsync<FailureTotals>(Command("failed_deployments_total", Parameters(filter, 1), cancellationToken));
        var number = DrillDownPaging.Number(page, totals.Total, "failed deployments");
        var rows = await WithIncidentsAsync(connection, filter, "failed_deployments", number, reachBackHours: 0, cancellationToken);
        return new FailuresModel(filter, team, new DrillDownPage<FailedDeployment>(rows, totals.Total, number, DrillDownPaging.Size), totals.Releases);
    }

    /// <summary>One page of the failures the team's median recovery time counts (started in the period), with their incidents.</summary>
    public async Task<RecoveriesModel> RecoveriesAsync(DashboardFilter filter, string? page, CancellationToken cancellationToken)
    {
        var team = await TeamAsync(filter, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<RecoveryTotals>(Command("recoveries_total", Parameters(filter, 1), cancellationToken));
        var number = DrillDownPaging.Number(page, totals.Total, "failures");
        // Recovery counts failures of releases from up to the inference window before the period, so their incidents may open that early.
        var rows = await WithIncidentsAsync(connection, filter, "recoveries", number, options.Value.InferenceWindowHours, cancellationToken);
        return new RecoveriesModel(filter, team, new DrillDownPage<FailedDeployment>(rows, totals.Total, number, DrillDownPaging.Size), totals.Recovered, totals.MedianHours);
    }

    private async Task<List<FailedDeployment>> WithIncidentsAsync(PulseConnection connection, DashboardFilter filter, string query, int page, int reachBackHours, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<FailedDeployment>(Command(query, Parameters(filter, page), cancellationToken))).ToList();
        var metrics = options.Value;
        var incidents = (await connection.QueryAsync<AttributedIncident>(Command("failure_incidents", new
        {
            deployments = new ListParameter(rows.Select(r => r.DeploymentId)),
            from = filter.From, to = filter.Until, tz = metrics.TimeZone,
            infer_links = metrics.InferIncidentLinks, inference_hours = metrics.InferenceWindowHours, reach_back_hours = reachBackHours,
        }, cancellationToken))).Select(i => i with { Url = links.Incident(i) }).ToLookup(i => i.DeploymentId);
        return [.. rows.Select(r => r with { CommitUrl = links.Commit(r.Source, r.Repository, r.Sha), Incidents = [.. incidents[r.DeploymentId]] })];
    }

    private async Task<TeamName> TeamAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        await store.TeamAsync(filter.Team!, cancellationToken) ?? throw new ArgumentException($"There is no team '{filter.Team}'.");

    private object Parameters(DashboardFilter filter, int page)
    {
        var metrics = options.Value;
        return new
        {
            from = filter.From, to = filter.Until, tz = metrics.TimeZone, team = filter.Team,
            remediation_hours = metrics.RemediationWindowHours, infer_links = metrics.InferIncidentLinks, inference_hours = metrics.InferenceWindowHours,
            limit = DrillDownPaging.Size, offset = (page - 1) * DrillDownPaging.Size,
        };
    }

    private static CommandDefinition Command(string query, object parameters, CancellationToken cancellationToken) =>
        new(SqlQueries.Get($"dashboards/{query}"), parameters, cancellationToken: cancellationToken);

    private sealed record ChangeTotals(long Total, double? MedianHours);

    private sealed record FailureTotals(long Releases, long Total);

    private sealed record RecoveryTotals(long Total, long Recovered, double? MedianHours);
}
