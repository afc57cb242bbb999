using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Host.ApiKeys;
using Analytics.Host.Web.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Api;

/// <summary>
/// The records behind a team's delivery figures for a quarter or a range of days, optionally of one of its services, as JSON, a page at a time: the same lists as the dashboards'
/// drill-downs (<see cref="DrillDownData"/>, <see cref="DashboardData.DeploymentsAsync"/>), with the same key as the rest of the API.
/// </summary>
internal static class DrillDownApi
{
    public static IEndpointRouteBuilder MapDrillDownApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/teams/{team}").RequireAuthorization(ApiKeyDefaults.Policy).WithTags("Drill-down")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/deployments", (string team, [AsParameters] DrillDownQuery query, DashboardData data, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
                ListAsync(data, team, query, options.Value, clock, async filter =>
                {
                    var model = await data.DeploymentsAsync(filter, query.Page, ct);
                    return (new DrillDownFigure("deployment_frequency", filter.DaysCovered > 0 ? (double)model.Total / filter.DaysCovered : null, model.Total, filter.DaysCovered),
                        new DrillDownPage<CountedDeployment>(model.Deployments, model.Total, model.Page, model.PageSize));
                }, ct))
            .WithName("GetTeamDeployments").WithSummary("The deployments a team's deployment frequency counts in a quarter or range, newest first.");
        api.MapGet("/changes", (string team, [AsParameters] DrillDownQuery query, DashboardData data, DrillDownData drill, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
                ListAsync(data, team, query, options.Value, clock, async filter =>
                {
                    var model = await drill.ChangesAsync(filter, query.Page, ct);
                    return (new DrillDownFigure("lead_time", model.MedianHours, model.Changes.Total, null), model.Changes);
                }, ct))
            .WithName("GetTeamChanges").WithSummary("The changes a team's median lead time counts in a quarter or range, each with its lead time, newest release first.");
        api.MapGet("/failures", (string team, [AsParameters] DrillDownQuery query, DashboardData data, DrillDownData drill, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
                ListAsync(data, team, query, options.Value, clock, async filter =>
                {
                    var model = await drill.FailuresAsync(filter, query.Page, ct);
                    return (new DrillDownFigure("change_failure_rate", model.Rate, model.Failures.Total, model.Releases), model.Failures);
                }, ct))
            .WithName("GetTeamFailures").WithSummary("The failed releases a team's change failure rate counts in a quarter or range, with their incidents and how each was attributed.");
        api.MapGet("/recoveries", (string team, [AsParameters] DrillDownQuery query, DashboardData data, DrillDownData drill, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
                ListAsync(data, team, query, options.Value, clock, async filter =>
                {
                    var model = await drill.RecoveriesAsync(filter, query.Page, ct);
                    return (new DrillDownFigure("recovery_time", model.MedianHours, model.Recovered, model.Failures.Total), model.Failures);
                }, ct))
            .WithName("GetTeamRecoveries").WithSummary("The failures a team's median recovery time counts (started in a quarter or range), with their incidents and recovery times.");
        api.MapGet("/rework", (string team, [AsParameters] DrillDownQuery query, DashboardData data, DrillDownData drill, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
                ListAsync(data, team, query, options.Value, clock, async filter =>
                {
                    var model = await drill.ReworkAsync(filter, query.Page, ct);
                    return (new DrillDownFigure("rework_rate", model.Rate, model.Rework.Total, model.Releases), model.Rework);
                }, ct))
            .WithName("GetTeamRework").WithSummary("The releases a team's deployment rework rate counts as rework in a quarter or range (rollbacks, hotfixes, fix changes).");
        return app;
    }

    private static async Task<Results<Ok<DrillDownResponse<T>>, ProblemHttpResult>> ListAsync<T>(DashboardData data, string team, DrillDownQuery query,
        MetricsOptions options, TimeProvider clock, Func<DashboardFilter, Task<(DrillDownFigure Figure, DrillDownPage<T> Page)>> list, CancellationToken ct)
    {
        // The API's ranges are [from, to), as the metric set's; the dashboards' filter takes the last day itself.
        string? lastDay = null;
        if (query.From is not null || query.To is not null)
        {
            if (!string.IsNullOrWhiteSpace(query.Quarter))
            {
                return Problem(StatusCodes.Status400BadRequest, "Bad request", "Give either a quarter or a range (from and to), not both.");
            }

            if (MetricsApi.PastRangeProblem(query.From, query.To, options, clock, out _, out var end) is { } problem)
            {
                return problem;
            }

            lastDay = end.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (string.IsNullOrWhiteSpace(query.Quarter))
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", "Give the quarter, for example ?quarter=2026-Q3, or a range, for example ?from=2026-05-01&to=2026-08-01.");
        }

        try
        {
            var filter = await data.FilterAsync(lastDay is null ? query.Quarter : null, query.From, lastDay, team, ct, query.Service);
            var (figure, page) = await list(filter);
            return TypedResults.Ok(new DrillDownResponse<T>(filter.IsRange ? null : filter.Quarter.ToString(), team, filter.Service, filter.From, filter.Until, filter.InProgress, figure,
                page.Total, page.Page, page.Pages, page.PageSize, page.Rows));
        }
        catch (FormatException error)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", error.Message);
        }
        catch (ArgumentException error)
        {
            return Problem(StatusCodes.Status404NotFound, error is UnknownServiceException ? "Unknown service" : "Unknown team", error.Message);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
