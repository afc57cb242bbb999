using Analytics.Host.ApiKeys;
using Analytics.Host.Web.Dashboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Api;

/// <summary>
/// The records behind a team's delivery figures, as JSON, a page at a time: the same lists as the dashboards'
/// drill-downs (<see cref="DrillDownData"/>, <see cref="DashboardData.DeploymentsAsync"/>), with the same key as the rest of the API.
/// </summary>
internal static class DrillDownApi
{
    public static IEndpointRouteBuilder MapDrillDownApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/teams/{team}").RequireAuthorization(ApiKeyDefaults.Policy).WithTags("Drill-down")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/deployments", (string team, string? quarter, string? page, DashboardData data, CancellationToken ct) =>
                ListAsync(data, team, quarter, async filter =>
                {
                    var model = await data.DeploymentsAsync(filter, page, ct);
                    return (new DrillDownFigure("deployment_frequency", filter.DaysCovered > 0 ? (double)model.Total / filter.DaysCovered : null, model.Total, filter.DaysCovered),
                        new DrillDownPage<CountedDeployment>(model.Deployments, model.Total, model.Page, model.PageSize));
                }, ct))
            .WithName("GetTeamDeployments").WithSummary("The deployments a team's deployment frequency counts in a quarter, newest first.");
        api.MapGet("/changes", (string team, string? quarter, string? page, DashboardData data, DrillDownData drill, CancellationToken ct) =>
                ListAsync(data, team, quarter, async filter =>
                {
                    var model = await drill.ChangesAsync(filter, page, ct);
                    return (new DrillDownFigure("lead_time", model.MedianHours, model.Changes.Total, null), model.Changes);
                }, ct))
            .WithName("GetTeamChanges").WithSummary("The changes a team's median lead time counts in a quarter, each with its lead time, newest release first.");
        api.MapGet("/failures", (string team, string? quarter, string? page, DashboardData data, DrillDownData drill, CancellationToken ct) =>
                ListAsync(data, team, quarter, async filter =>
                {
                    var model = await drill.FailuresAsync(filter, page, ct);
                    return (new DrillDownFigure("change_failure_rate", model.Rate, model.Failures.Total, model.Releases), model.Failures);
                }, ct))
            .WithName("GetTeamFailures").WithSummary("The failed releases a team's change failure rate counts in a quarter, with their incidents and how each was attributed.");
        api.MapGet("/recoveries", (string team, string? quarter, string? page, DashboardData data, DrillDownData drill, CancellationToken ct) =>
                ListAsync(data, team, quarter, async filter =>
                {
                    var model = await drill.RecoveriesAsync(filter, page, ct);
                    return (new DrillDownFigure("recovery_time", model.MedianHours, model.Recovered, model.Failures.Total), model.Failures);
                }, ct))
            .WithName("GetTeamRecoveries").WithSummary("The failures a team's median recovery time counts (started in a quarter), with their incidents and recovery times.");
        return app;
    }

    private static async Task<Results<Ok<DrillDownResponse<T>>, ProblemHttpResult>> ListAsync<T>(
        DashboardData data, string team, string? quarter, Func<DashboardFilter, Task<(DrillDownFigure Figure, DrillDownPage<T> Page)>> list, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(quarter))
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", "Give the quarter, for example ?quarter=2026-Q3.");
        }

        try
        {
            var filter = await data.FilterAsync(quarter, null, null, team, ct);
            var (figure, page) = await list(filter);
            return TypedResults.Ok(new DrillDownResponse<T>(filter.Quarter.ToString(), team, filter.Quarter.Start, filter.Until, filter.InProgress, figure,
                page.Total, page.Page, page.Pages, page.PageSize, page.Rows));
        }
        catch (FormatException error)
        {
            return Problem(StatusCodes.Status400BadRequest, "Bad request", error.Message);
        }
        catch (ArgumentException error)
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown team", error.Message);
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
