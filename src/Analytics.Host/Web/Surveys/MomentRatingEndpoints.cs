using System.Globalization;
using System.Text;
using Analytics.Host.Web.Security;
using Analytics.Surveys.Ratings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Analytics.Host.Web.Pages.HtmlPage;

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
        page.MapGet("/{capability}", Show);
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

    private static IResult Show(string capability, int? score, string? team, string? context, HttpContext http, IAntiforgery antiforgery) =>
        Page(capability, score, team, context, http, antiforgery, null, StatusCodes.Status200OK);

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

        return Notice("Thanks for rating", "Your rating is saved. It helps the platform team see what works and what does not.", StatusCodes.Status200OK);
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

    private static IResult Page(string capability, int? score, string? team, string? context, HttpContext http, IAntiforgery antiforgery, string? error, int statusCode)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = new StringBuilder();
        html.Append("<h1>How was it?</h1>\n");
        if (error is not null)
        {
            html.Append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus><h2>The rating was not saved</h2><p>").Append(Encode(error)).Append("</p></div>\n");
        }

        html.Append("<form method=\"post\" novalidate>\n")
            .Append("<input type=\"hidden\" name=\"").Append(Encode(tokens.FormFieldName)).Append("\" value=\"").Append(Encode(tokens.RequestToken)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"team\" value=\"").Append(Encode(team)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"context\" value=\"").Append(Encode(context)).Append("\">\n")
            .Append("<fieldset class=\"question\"><legend>How would you rate <strong>").Append(Encode(capability)).Append("</strong> just now?</legend>\n<div class=\"scale\">\n");
        for (var point = 0; point <= 10; point++)
        {
            html.Append("<span class=\"point\"><input type=\"radio\" id=\"score-").Append(point).Append("\" name=\"score\" value=\"").Append(point).Append('"')
                .Append(point == score ? " checked" : "").Append("><label for=\"score-").Append(point).Append("\">").Append(point)
                .Append(point == 0 ? "<span class=\"visually-hidden\"> – very poor</span>" : point == 10 ? "<span class=\"visually-hidden\"> – excellent</span>" : "")
                .Append("</label></span>\n");
        }

        html.Append("</div>\n<div class=\"scale-ends\" aria-hidden=\"true\"><span>0 = Very poor</span><span>10 = Excellent</span></div>\n</fieldset>\n")
            .Append("<p class=\"muted\">Anonymous: only the score, the capability and your team (if the link names it) are kept.</p>\n")
            .Append("<div class=\"actions\"><button type=\"submit\">Send rating</button></div>\n</form>\n");
        return Render("Rate " + capability, html.ToString(), statusCode);
    }
}
