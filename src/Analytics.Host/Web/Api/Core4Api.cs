using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Core4;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Host.Web.Api;

/// <summary>DX Core 4 for machine clients: <c>GET /api/v1/core4?quarter=2026-Q3[&amp;team=T]</c>.</summary>
internal static class Core4Api
{
    /// <summary>Maps the endpoint on the API's group, which already requires a key.</summary>
    public static RouteGroupBuilder MapCore4Api(this RouteGroupBuilder api)
    {
        api.MapGet("/core4", Core4Async).WithName("GetCore4").WithTags("Metrics")
            .WithSummary("DX Core 4 of a quarter (speed, effectiveness, quality, impact) with the previous quarter's figures, for the organisation and each team or one team.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<Core4Metrics>, ProblemHttpResult>> Core4Async(string? quarter, string? team, MetricsService metrics, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(quarter))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Give the quarter, for example ?quarter=2026-Q3.");
        }

        Quarter which;
        try
        {
            which = Quarter.Parse(quarter);
        }
        catch (FormatException error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: error.Message);
        }

        var id = string.IsNullOrWhiteSpace(team) ? null : team;
        if (id is not null)
        {
            try
            {
                await metrics.EnsureTeamExistsAsync(id, ct);
            }
            catch (ArgumentException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown team", detail: error.Message);
            }
        }

        return TypedResults.Ok(await metrics.Core4Async(which, id, ct));
    }
}
