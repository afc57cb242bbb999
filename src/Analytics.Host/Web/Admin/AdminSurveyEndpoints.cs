using System.Globalization;
using System.Text;
using Analytics.Core.Metrics;
using Analytics.Host.Web.Admin.Surveys;
using Analytics.Host.Web.Components;
using Analytics.Host.Web.Security;
using Analytics.Surveys;
using Analytics.Surveys.Administration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static Analytics.Host.Web.Admin.Surveys.SurveyFormat;

namespace Analytics.Host.Web.Admin;

/// <summary>
/// <c>/admin</c>: the pages platform PMs run surveys from. Every route requires a signed-in admin and every form
/// post passes the antiforgery check; refused actions come back on the same page with the reason.
/// </summary>
internal static class AdminSurveyEndpoints
{
    public static IEndpointRouteBuilder MapAdminSurveys(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").RequireAuthorization().RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        admin.MapGet("", HomeAsync);
        admin.MapPost("/surveys/from-template", (HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, "/admin", async (form, actor) => SurveyPath(await surveys.CreateFromTemplateAsync(actor, form["template"].ToString(), ct)), ct));
        admin.MapPost("/surveys/blank", (HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, "/admin", async (form, actor) => SurveyPath(await surveys.CreateBlankAsync(actor, form["title"].ToString(), form["description"].ToString(), ct)), ct));
        admin.MapGet("/surveys/{surveyId}", SurveyAsync);
        admin.MapPost("/surveys/{surveyId}/questions", (string surveyId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, SurveyPath(surveyId), async (form, actor) => { await surveys.AddQuestionAsync(actor, surveyId, Draft(form), ct); return SurveyPath(surveyId); }, ct));
        admin.MapGet("/surveys/{surveyId}/questions/{questionId}", EditQuestionAsync);
        admin.MapPost("/surveys/{surveyId}/questions/{questionId}", (string surveyId, string questionId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, SurveyPath(surveyId), async (form, actor) => { await surveys.UpdateQuestionAsync(actor, surveyId, questionId, Draft(form), ct); return SurveyPath(surveyId); }, ct));
        admin.MapPost("/surveys/{surveyId}/questions/{questionId}/delete", (string surveyId, string questionId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, SurveyPath(surveyId), async (_, actor) => { await surveys.DeleteQuestionAsync(actor, surveyId, questionId, ct); return SurveyPath(surveyId); }, ct));
        admin.MapPost("/surveys/{surveyId}/waves", (string surveyId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, SurveyPath(surveyId), async (form, actor) => WavePath(await surveys.CreateWaveAsync(actor, surveyId, WaveDraft(form), ct)), ct));
        admin.MapGet("/waves/{waveId}", WaveAsync);
        admin.MapPost("/waves/{waveId}/open", (string waveId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, WavePath(waveId), async (_, actor) => { await surveys.OpenWaveAsync(actor, waveId, ct); return WavePath(waveId); }, ct));
        admin.MapGet("/waves/{waveId}/close", ConfirmCloseAsync);
        admin.MapPost("/waves/{waveId}/close", (string waveId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, WavePath(waveId), async (_, actor) => { await surveys.CloseWaveAsync(actor, waveId, ct); return WavePath(waveId); }, ct));
        admin.MapPost("/waves/{waveId}/reopen", (string waveId, HttpContext context, SurveyAdministration surveys, CancellationToken ct) =>
            ActAsync(context, WavePath(waveId), async (_, actor) => { await surveys.ReopenWaveAsync(actor, waveId, ct); return WavePath(waveId); }, ct));
        admin.MapGet("/waves/{waveId}/links", ConfirmLinksAsync);
        admin.MapPost("/waves/{waveId}/links", LinksAsync);
        admin.MapGet("/waves/{waveId}/responses.csv", ResponsesAsync);
        return app;
    }

    private static async Task<IResult> HomeAsync(HttpContext context, IAntiforgery antiforgery, SurveyAdministration surveys, CancellationToken ct) =>
        new RazorComponentResult<SurveysPage>(new { User = SignedInUser.Of(context, antiforgery), Surveys = await surveys.SurveysAsync(ct), Error = ErrorOf(context) });

    private static async Task<IResult> SurveyAsync(string surveyId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, TimeProvider clock, CancellationToken ct)
    {
        var survey = await store.SurveyAsync(surveyId, ct);
        if (survey is null)
        {
            return NotFound(context, antiforgery, $"There is no survey '{surveyId}'.");
        }

        return new RazorComponentResult<SurveyPage>(new
        {
            User = SignedInUser.Of(context, antiforgery), Survey = survey, Questions = await store.QuestionsAsync(surveyId, ct), Waves = await store.WavesAsync(surveyId, ct),
            Teams = await store.TeamsAsync(ct), Now = clock.GetUtcNow(), Error = ErrorOf(context),
        });
    }

    private static async Task<IResult> EditQuestionAsync(string surveyId, string questionId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, CancellationToken ct)
    {
        var survey = await store.SurveyAsync(surveyId, ct);
        var question = survey is null ? null : (await store.QuestionsAsync(surveyId, ct)).FirstOrDefault(q => q.QuestionId == questionId);
        return survey is null || question is null
            ? NotFound(context, antiforgery, $"Survey '{surveyId}' has no question '{questionId}'.")
            : new RazorComponentResult<EditQuestionPage>(new { User = SignedInUser.Of(context, antiforgery), Survey = survey, Question = question });
    }

    private static async Task<IResult> WaveAsync(string waveId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, SurveyAdministration surveys,
        IOptions<SurveyOptions> options, IOptions<MetricsOptions> metrics, TimeProvider clock, CancellationToken ct)
    {
        var wave = await store.WaveAsync(waveId, ct);
        var survey = wave is null ? null : await store.SurveyAsync(wave.SurveyId, ct);
        if (wave is null || survey is null)
        {
            return NotFound(context, antiforgery, $"There is no wave '{waveId}'.");
        }

        return new RazorComponentResult<WavePage>(new
        {
            User = SignedInUser.Of(context, antiforgery), Survey = survey, Wave = wave, Rates = await surveys.ResponseRatesAsync(wave, ct), Teams = await store.TeamsAsync(ct),
            PublicBaseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : BaseUrl(context.Request), metrics.Value.MinimumGroupSize,
            Links = wave.Status == "closed" ? null : await surveys.LinkReplacementAsync(waveId, ct), Now = clock.GetUtcNow(), Error = ErrorOf(context),
        });
    }

    private static async Task<IResult> ConfirmCloseAsync(string waveId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, IOptions<MetricsOptions> metrics, TimeProvider clock, CancellationToken ct)
    {
        var wave = await store.WaveAsync(waveId, ct);
        if (wave is null)
        {
            return NotFound(context, antiforgery, $"There is no wave '{waveId}'.");
        }

        return wave.Status != "open"
            ? Back(WavePath(waveId), $"The wave is {wave.Status}; only an open wave can be closed.")
            : new RazorComponentResult<CloseWavePage>(new { User = SignedInUser.Of(context, antiforgery), Wave = wave, GroupSize = wave.ReportedGroupSize(metrics.Value.MinimumGroupSize), Now = clock.GetUtcNow() });
    }

    private static async Task<IResult> ConfirmLinksAsync(string waveId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, SurveyAdministration surveys, CancellationToken ct)
    {
        var wave = await store.WaveAsync(waveId, ct);
        if (wave is null)
        {
            return NotFound(context, antiforgery, $"There is no wave '{waveId}'.");
        }

        return wave.Status == "closed"
            ? Back(WavePath(waveId), "The wave is closed; links to it would not work.")
            : new RazorComponentResult<ReplaceLinksPage>(new { User = SignedInUser.Of(context, antiforgery), Wave = wave, Replacement = await surveys.LinkReplacementAsync(waveId, ct) });
    }

    private static async Task<IResult> LinksAsync(string waveId, HttpContext context, SurveyAdministration surveys, CancellationToken ct)
    {
        try
        {
            var links = await surveys.CreateLinksAsync(AdminActor.Of(context), waveId, BaseUrl(context.Request), ct);
            return Results.File(Encoding.UTF8.GetBytes(SurveyAdministration.LinksCsv(links)), "text/csv; charset=utf-8", $"{waveId}-links.csv");
        }
        catch (SurveyAdminException error)
        {
            return Back(WavePath(waveId), error.Message);
        }
    }

    private static async Task<IResult> ResponsesAsync(string waveId, HttpContext context, SurveyAdministration surveys, CancellationToken ct)
    {
        try
        {
            var csv = await surveys.ResponsesCsvAsync(AdminActor.Of(context), waveId, ct);
            return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{waveId}-responses.csv");
        }
        catch (SurveyAdminException error)
        {
            return Results.Redirect($"/admin?error={Uri.EscapeDataString(error.Message)}");
        }
    }

    /// <summary>Runs an admin action; on success goes where it says, on refusal back to <paramref name="back"/> with the reason.</summary>
    private static async Task<IResult> ActAsync(HttpContext context, string back, Func<IFormCollection, string, Task<string>> action, CancellationToken ct)
    {
        var form = await FormPosts.ReadAsync(context.Request, ct);
        try
        {
            return Results.Redirect(await action(form, AdminActor.Of(context)));
        }
        catch (SurveyAdminException error)
        {
            return Back(back, error.Message);
        }
    }

    private static IResult Back(string path, string error) => Results.Redirect($"{path}?error={Uri.EscapeDataString(error)}");

    private static QuestionDraft Draft(IFormCollection form) => new(
        form["kind"].ToString(),
        form["text"].ToString(),
        form["help"].ToString(),
        form["required"] == "true",
        form["options"].ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        form["low"].ToString(),
        form["high"].ToString());

    private static WaveDraft WaveDraft(IFormCollection form)
    {
        var opens = Moment(form["opens"].ToString(), "opening");
        var closes = Moment(form["closes"].ToString(), "closing");
        if (!int.TryParse(form["k"], NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            throw new SurveyAdminException("Enter the smallest reported group (k) as a whole number of at least 3.");
        }

        return new WaveDraft(form["name"].ToString(), opens, closes, form["anonymous"] == "true", k, form["teams"].OfType<string>().ToList(), form["blocks"].OfType<string>().ToList());
    }

    private static DateTimeOffset Moment(string value, string what) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            ? new DateTimeOffset(moment, TimeSpan.Zero)
            : throw new SurveyAdminException($"Enter the {what} date and time, for example 2026-12-01T09:00.");

    private static RazorComponentResult<ProblemPage> NotFound(HttpContext context, IAntiforgery antiforgery, string message) =>
        new(new { Title = "Not found", Message = message, User = SignedInUser.Of(context, antiforgery), BackHref = "/admin", BackLabel = "All surveys" }) { StatusCode = StatusCodes.Status404NotFound };

    private static string? ErrorOf(HttpContext context) => context.Request.Query["error"].ToString() is { Length: > 0 } error ? error : null;

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

}
