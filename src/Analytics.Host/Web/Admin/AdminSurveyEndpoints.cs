using System.Globalization;
using System.Text;
using Analytics.Core.Metrics;
using Analytics.Host.Web.Security;
using Analytics.Surveys;
using Analytics.Surveys.Administration;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

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

    private static async Task<IResult> HomeAsync(HttpContext context, IAntiforgery antiforgery, SurveyAdministration surveys, CancellationToken ct)
    {
        var page = new AdminPage(context, antiforgery);
        return page.Render("Surveys", AdminSurveyPages.Home(page, await surveys.SurveysAsync(ct)), error: context.Request.Query["error"]);
    }

    private static async Task<IResult> SurveyAsync(string surveyId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, TimeProvider clock, CancellationToken ct)
    {
        var survey = await store.SurveyAsync(surveyId, ct);
        if (survey is null)
        {
            return NotFound(context, antiforgery, $"There is no survey '{surveyId}'.");
        }

        var page = new AdminPage(context, antiforgery);
        var body = AdminSurveyPages.Survey(page, survey, await store.QuestionsAsync(surveyId, ct), await store.WavesAsync(surveyId, ct), await store.TeamsAsync(ct), clock.GetUtcNow());
        return page.Render(survey.Title, body, error: context.Request.Query["error"]);
    }

    private static async Task<IResult> EditQuestionAsync(string surveyId, string questionId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, CancellationToken ct)
    {
        var survey = await store.SurveyAsync(surveyId, ct);
        var question = survey is null ? null : (await store.QuestionsAsync(surveyId, ct)).FirstOrDefault(q => q.QuestionId == questionId);
        if (survey is null || question is null)
        {
            return NotFound(context, antiforgery, $"Survey '{surveyId}' has no question '{questionId}'.");
        }

        var page = new AdminPage(context, antiforgery);
        return page.Render("Edit question", AdminSurveyPages.EditQuestion(page, survey, question));
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

        var page = new AdminPage(context, antiforgery);
        var links = wave.Status == "closed" ? null : await surveys.LinkReplacementAsync(waveId, ct);
        var body = AdminSurveyPages.Wave(page, survey, wave, await surveys.ResponseRatesAsync(wave, ct), await store.TeamsAsync(ct), options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : BaseUrl(context.Request), metrics.Value.MinimumGroupSize, links, clock.GetUtcNow());
        return page.Render(wave.Name, body, error: context.Request.Query["error"]);
    }

    private static async Task<IResult> ConfirmCloseAsync(string waveId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, IOptions<MetricsOptions> metrics, TimeProvider clock, CancellationToken ct)
    {
        var wave = await store.WaveAsync(waveId, ct);
        if (wave is null)
        {
            return NotFound(context, antiforgery, $"There is no wave '{waveId}'.");
        }

        if (wave.Status != "open")
        {
            return Back(WavePath(waveId), $"The wave is {wave.Status}; only an open wave can be closed.");
        }

        var page = new AdminPage(context, antiforgery);
        return page.Render($"Close {wave.Name}?", AdminConfirmPages.CloseWave(page, wave, wave.ReportedGroupSize(metrics.Value.MinimumGroupSize), clock.GetUtcNow()));
    }

    private static async Task<IResult> ConfirmLinksAsync(string waveId, HttpContext context, IAntiforgery antiforgery, SurveyStore store, SurveyAdministration surveys, CancellationToken ct)
    {
        var wave = await store.WaveAsync(waveId, ct);
        if (wave is null)
        {
            return NotFound(context, antiforgery, $"There is no wave '{waveId}'.");
        }

        if (wave.Status == "closed")
        {
            return Back(WavePath(waveId), "The wave is closed; links to it would not work.");
        }

        var page = new AdminPage(context, antiforgery);
        return page.Render($"New links for {wave.Name}?", AdminConfirmPages.ReplaceLinks(page, wave, await surveys.LinkReplacementAsync(waveId, ct)));
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

    private static IResult NotFound(HttpContext context, IAntiforgery antiforgery, string message) =>
        new AdminPage(context, antiforgery).Render("Not found", $"<h1>Not found</h1><p>{Pages.HtmlPage.Encode(message)}</p><p><a href=\"/admin\">All surveys</a></p>", StatusCodes.Status404NotFound);

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    private static string SurveyPath(string surveyId) => $"/admin/surveys/{Uri.EscapeDataString(surveyId)}";

    private static string WavePath(string waveId) => $"/admin/waves/{Uri.EscapeDataString(waveId)}";
}
