using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Ai;
using Analytics.Host.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Api;

/// <summary>
/// The AI-assisted development figures, with the same key as the rest of the API: a quarter's adoption, usage,
/// AI-assisted changes and survey items, and the before/after comparison of adopting teams' DORA metrics.
/// </summary>
internal static class AiApi
{
    public static IEndpointRouteBuilder MapAiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ai").RequireAuthorization(ApiKeyDefaults.Policy).WithTags("AI-assisted development")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/adoption", AdoptionAsync).WithName("GetAiAdoption")
            .WithSummary("A quarter's assistant adoption (active ÷ licensed seats), usage, AI-assisted changes and survey items, for the organisation or one team.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/before-after", BeforeAfterAsync).WithName("GetAiBeforeAfter")
            .WithSummary("Adopting teams' DORA metrics in the quarters before and after adoption against teams not adopted yet (difference in differences, 95% interval, verdict).");
        return app;
    }

    private static async Task<Results<Ok<AiAdoptionResponse>, ProblemHttpResult>> AdoptionAsync(
        string? quarter, string? team, MetricsService metrics, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct)
    {
        Quarter which;
        try
        {
            which = string.IsNullOrWhiteSpace(quarter) ? Quarter.Of(Today(options.Value, clock)).Previous : Quarter.Parse(quarter);
        }
        catch (FormatException error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: error.Message);
        }

        var id = string.IsNullOrWhiteSpace(team) ? null : team.Trim();
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

        var query = MetricsQuery.ForQuarter(which, id);
        // Usage and its breakdowns are the organisation's aggregates: a team run leaves them out.
        return TypedResults.Ok(new AiAdoptionResponse(which.ToString(), id,
            await metrics.AiAdoptionAsync(query, ct),
            id is null ? await metrics.AiUsageAsync(query, ct) : [],
            id is null ? await metrics.AiUsageByEditorAsync(query, ct) : [],
            await metrics.AiAssistedDeliveryAsync(query, ct),
            await metrics.AiSurveyAsync(query, ct)));
    }

    private static async Task<Ok<AiBeforeAfter>> BeforeAfterAsync(MetricsService metrics, IOptions<MetricsOptions> options, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await metrics.AiBeforeAfterAsync(Today(options.Value, clock), ct));

    private static DateOnly Today(MetricsOptions options, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone)).DateTime);
}
