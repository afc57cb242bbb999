using System.Globalization;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Ratings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Surveys;

/// <summary>
/// In-the-moment ratings. <c>/r/{capability}</c> is the short link for people: it shows the 0–10 question (a
/// <c>score</c> in the link pre-selects it, because link previews in chat tools must not cast votes) and stores on
/// submit. <c>POST /api/v1/ratings</c> is the tiny JSON endpoint for CLIs, portals and deploy notifications.
/// Both are anonymous and rate-limited per client.
/// </summary>
internal static class MomentRatingEndpoints
{
    public const string RatingRateLimit = "moment-ratings";

    /// <summary>The JSON body of <c>POST /api/v1/ratings</c>.</summary>
    public sealed record RatingRequest(string? Capability, int? Score, string? Team, string? Context);

    /// <summary>The answer to a stored rating.</summary>
    public sealed record RatingStored(Guid RatingId);

    public static IEndpointRouteBuilder MapMomentRatings(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("/r").RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        page.MapGet("/{capability}", IResult (string capability, int? score, string? team, string? context, HttpContext http, IAntiforgery antiforgery) =>
            Page(capability, score, team, context, http, antiforgery, null, StatusCodes.Status200OK));
        page.MapPost("/{capability}", SubmitFormAsync).RequireRateLimiting(RatingRateLimit);
        app.MapPost("/api/v1/ratings", SubmitJsonAsync)
            .WithName("RateCapability")
            .WithSummary("Store an anonymous 0–10 rating of a platform capability, right after someone used it.")
            .WithTags("Surveys")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(app.ServiceProvider.GetRequiredService<IOptions<WebOptions>>().Value.MaxJsonBytes))
            .RequireRateLimiting(RatingRateLimit);
        return app;
    }

    private static async Task<IResult> SubmitFormAsync(string capability, HttpContext http, MomentRatings ratings, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var form = await FormPosts.ReadAsync(http.Request, cancellationToken);
        var team = form["team"].ToString();
        var context = form["context"].ToString();
        int? score = int.TryParse(form["score"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        try
        {
            await ratings.RecordAsync(capability, score, team, context, cancellationToken);
        }
        catch (ArgumentException error)
        {
            return Page(capability, score, team, context, http, antiforgery, error.Message, StatusCodes.Status400BadRequest);
        }

        return SurveyPages.Notice("Thanks for rating", "Your rating is saved. It helps the platform team see what works and what does not.", StatusCodes.Status200OK);
    }

    private static async Task<Results<Created<RatingStored>, ProblemHttpResult>> SubmitJsonAsync(RatingRequest request, MomentRatings ratings, CancellationToken cancellationToken)
    {
        try
        {
            var id = await ratings.RecordAsync(request.Capability ?? "", request.Score, request.Team, request.Context, cancellationToken);
            return TypedResults.Created((string?)null, new RatingStored(id));
        }
        catch (ArgumentException error)
        {
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest, title: "The rating was not stored");
        }
    }

    private static RazorComponentResult<MomentRatingPage> Page(string capability, int? score, string? team, string? context, HttpContext http, IAntiforgery antiforgery, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new RazorComponentResult<MomentRatingPage>(new
        {
            Capability = capability, Score = score, Team = team, Context = context, Error = error, AntiforgeryField = tokens.FormFieldName, AntiforgeryToken = tokens.RequestToken,
        })
        {
            StatusCode = statusCode,
        };
    }
}
