using System.Security.Cryptography;
using System.Text;
using Analytics.Core.Metrics;
using Analytics.Core.Surveys;
using Analytics.Host.Web.Security;
using Analytics.Surveys;
using Analytics.Surveys.Forms;
using Analytics.Surveys.Links;
using Analytics.Surveys.Submissions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Analytics.Host.Web.Surveys;

/// <summary>
/// The survey form for developers: <c>/s/{token}</c> for a personal single-use link and <c>/s/open/{waveId}</c>
/// for an anonymous wave's open link. A response is committed by <see cref="SubmissionWriter"/> before the
/// thank-you page is sent; a link that cannot be used gets a page that says why, and nothing is stored.
/// </summary>
internal static class SurveyFormEndpoints
{
    public const string SubmissionRateLimit = "survey-submissions";

    public static IEndpointRouteBuilder MapSurveyForm(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/s").RequireFormGuard().DisableAntiforgery().ExcludeFromDescription();
        group.MapGet("/open/{waveId}", ShowOpenAsync);
        group.MapPost("/open/{waveId}", SubmitOpenAsync).RequireRateLimiting(SubmissionRateLimit);
        group.MapGet("/{token}", ShowLinkAsync);
        group.MapPost("/{token}", SubmitLinkAsync).RequireRateLimiting(SubmissionRateLimit);
        return app;
    }

    private static async Task<IResult> ShowLinkAsync(string token, HttpContext context, SurveyStore store, TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (link, refusal) = await OpenLinkAsync(token, store, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (link!.Invitation.UsedAt is not null)
        {
            return LinkUsed();
        }

        return SurveyPages.Form(await NewFormAsync(link.Wave, context, store, antiforgery, null, cancellationToken));
    }

    private static async Task<IResult> SubmitLinkAsync(string token, HttpContext context, SurveyStore store, SubmissionWriter writer, TimeProvider clock,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (link, refusal) = await OpenLinkAsync(token, store, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var (invitation, wave) = (link!.Invitation, link.Wave);
        var form = await FormPosts.ReadAsync(context.Request, cancellationToken);
        var (submissionId, questions, validated, damaged) = await ValidateAsync(form, wave, store, cancellationToken);
        if (damaged is not null)
        {
            return damaged;
        }

        if (!validated.IsValid)
        {
            return invitation.UsedAt is not null
                ? LinkUsed()
                : SurveyPages.Form(await NewFormAsync(wave, context, store, antiforgery, null, cancellationToken) with
                {
                    SubmissionId = submissionId, Questions = questions, Values = Values(form), Errors = validated.Errors,
                }, StatusCodes.Status400BadRequest);
        }

        // The writer checks the link again inside its transaction: a second press of the button finds its own
        // response stored and gets the thank-you page; another use of a used link is refused.
        var submission = new SurveySubmission(submissionId, wave.WaveId, invitation.TokenHash, invitation.TeamId, invitation.EngineerId, wave.IsAnonymous, validated.Answers);
        return (await StoreAsync(writer, submission, wave, store, GroupSize(wave, context), cancellationToken)).Page;
    }

    private static async Task<IResult> ShowOpenAsync(string waveId, HttpContext context, SurveyStore store, TimeProvider clock, IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (wave, refusal) = await OpenWaveAsync(waveId, store, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (context.Request.Cookies.ContainsKey(AnsweredCookie(wave!.WaveId)))
        {
            return AlreadyAnswered();
        }

        return SurveyPages.Form(await NewFormAsync(wave, context, store, antiforgery, await AudienceTeamsAsync(wave, store, cancellationToken), cancellationToken));
    }

    private static async Task<IResult> SubmitOpenAsync(string waveId, HttpContext context, SurveyStore store, SubmissionWriter writer, TimeProvider clock,
        IAntiforgery antiforgery, CancellationToken cancellationToken)
    {
        var (wave, refusal) = await OpenWaveAsync(waveId, store, clock, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (context.Request.Cookies.ContainsKey(AnsweredCookie(wave!.WaveId)))
        {
            return AlreadyAnswered();
        }

        var form = await FormPosts.ReadAsync(context.Request, cancellationToken);
        var (submissionId, questions, validated, damaged) = await ValidateAsync(form, wave, store, cancellationToken);
        if (damaged is not null)
        {
            return damaged;
        }

        var teams = await AudienceTeamsAsync(wave, store, cancellationToken);
        var team = form["team"].ToString();
        var teamId = teams.Any(t => t.TeamId == team) ? team : null;
        var errors = validated.Errors.ToList();
        if (team.Length > 0 && teamId is null)
        {
            errors.Insert(0, new FieldError("team", "Choose a team from the list, or 'Prefer not to say'."));
        }

        if (errors.Count > 0)
        {
            return SurveyPages.Form(await NewFormAsync(wave, context, store, antiforgery, teams, cancellationToken) with
            {
                SubmissionId = submissionId, Questions = questions, Values = Values(form), Errors = errors, ChosenTeam = team,
            }, StatusCodes.Status400BadRequest);
        }

        var (page, saved) = await StoreAsync(writer, new SurveySubmission(submissionId, wave.WaveId, null, teamId, null, Anonymous: true, validated.Answers), wave, store, GroupSize(wave, context), cancellationToken);
        if (saved)
        {
            // One response per browser: the cookie marks this wave as answered until it closes.
            context.Response.Cookies.Append(AnsweredCookie(wave.WaveId), "1", new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, Expires = wave.ClosesAt, Path = "/s/open",
            });
        }

        return page;
    }

    /// <summary>Hands the response to the writer; the page to show, and whether the response is stored.</summary>
    private static async Task<(IResult Page, bool Saved)> StoreAsync(SubmissionWriter writer, SurveySubmission submission, SurveyWave wave, SurveyStore store, int groupSize, CancellationToken cancellationToken)
    {
        SubmissionOutcome outcome;
        try
        {
            outcome = await writer.SubmitAsync(submission, cancellationToken);
        }
        catch (Exception error) when (error is DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            // Nothing of this response was stored; sending the same form again is safe (its id makes it count once).
            return (SurveyPages.Notice("Your answers could not be saved just now", "Nothing was saved. Go back, where your answers are still filled in, and send the form again in a moment.", StatusCodes.Status503ServiceUnavailable), false);
        }

        var survey = await store.SurveyAsync(wave.SurveyId, cancellationToken);
        return outcome switch
        {
            SubmissionOutcome.Stored or SubmissionOutcome.AlreadyStored => (SurveyPages.Thanks(survey?.Title ?? "the survey", groupSize), true),
            SubmissionOutcome.LinkNotUsable => (LinkUsed(), false),
            _ => (WaveClosed(), false),
        };
    }

    private static async Task<(Guid SubmissionId, IReadOnlyList<SurveyQuestion> Questions, ValidatedAnswers Validated, IResult? Damaged)> ValidateAsync(
        IFormCollection form, SurveyWave wave, SurveyStore store, CancellationToken cancellationToken)
    {
        var questions = await AskedAsync(wave, store, cancellationToken);
        if (!Guid.TryParseExact(form["submission"].ToString(), "D", out var submissionId) || submissionId == Guid.Empty)
        {
            var damaged = SurveyPages.Notice("This form could not be read", "The form arrived without its submission number, so nothing was saved. Go back, reload the page and send it again.", StatusCodes.Status400BadRequest);
            return (Guid.Empty, questions, new ValidatedAnswers([], []), damaged);
        }

        return (submissionId, questions, AnswerValidator.Validate(questions, Values(form)), null);
    }

    /// <summary>The questions the wave's form asks: those of no block, and of the blocks the wave switches on.</summary>
    private static async Task<IReadOnlyList<SurveyQuestion>> AskedAsync(SurveyWave wave, SurveyStore store, CancellationToken cancellationToken) =>
        (await store.QuestionsAsync(wave.SurveyId, cancellationToken)).Where(wave.Asks).ToList();

    private static async Task<SurveyForm> NewFormAsync(SurveyWave wave, HttpContext context, SurveyStore store, IAntiforgery antiforgery, IReadOnlyList<TeamName>? teams, CancellationToken cancellationToken)
    {
        var survey = await store.SurveyAsync(wave.SurveyId, cancellationToken)
            ?? throw new InvalidOperationException($"Wave '{wave.WaveId}' belongs to survey '{wave.SurveyId}', which does not exist.");
        var questions = await AskedAsync(wave, store, cancellationToken);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new SurveyForm(survey, wave, questions, Guid.NewGuid(), tokens.FormFieldName, tokens.RequestToken, new Dictionary<string, IReadOnlyList<string>>(), [], teams, null, GroupSize(wave, context));
    }

    /// <summary>The k the wave's results are reported with, as the metrics apply it.</summary>
    private static int GroupSize(SurveyWave wave, HttpContext context) =>
        wave.ReportedGroupSize(context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.MinimumGroupSize);

    private static async Task<(OpenedLink? Link, IResult? Refusal)> OpenLinkAsync(string token, SurveyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = SurveyTokens.LooksValid(token) ? SurveyTokens.Hash(token) : null;
        var invitation = hash is null ? null : await store.InvitationAsync(hash, cancellationToken);
        if (invitation is null && hash is not null && await store.ReplacedLinkWaveAsync(hash, cancellationToken) is { } replacedIn)
        {
            // A closed wave says so first: the newer link would not work either.
            var replacedWave = await store.WaveAsync(replacedIn, cancellationToken);
            return (null, (replacedWave is null ? null : Availability(replacedWave, clock.GetUtcNow())) ?? LinkReplaced());
        }

        var wave = invitation is null ? null : await store.WaveAsync(invitation.WaveId, cancellationToken);
        if (invitation is null || wave is null)
        {
            return (null, SurveyPages.Notice("This link does not work", "We could not find a survey for this link. Check that you opened the whole link from your invitation.", StatusCodes.Status404NotFound,
                "If it still does not work, ask the platform team for a new link."));
        }

        var now = clock.GetUtcNow();
        var availability = Availability(wave, now);
        if (availability is not null)
        {
            return (null, availability);
        }

        return invitation.UsedAt is null && invitation.ExpiresAt <= now
            ? (null, SurveyPages.Notice("This link has expired", $"Links to this survey work for a limited time, and this one stopped working on {invitation.ExpiresAt.UtcDateTime:d MMMM yyyy}. Nothing was saved.", StatusCodes.Status410Gone,
                "Ask the platform team for a new link if you would still like to answer."))
            : (new OpenedLink(invitation, wave), null);
    }

    private static async Task<(SurveyWave? Wave, IResult? Refusal)> OpenWaveAsync(string waveId, SurveyStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var wave = await store.WaveAsync(waveId, cancellationToken);
        if (wave is null || !wave.IsAnonymous)
        {
            return (null, SurveyPages.Notice("This link does not work", "There is no open survey at this address. Check that you opened the whole link.", StatusCodes.Status404NotFound));
        }

        return (wave, Availability(wave, clock.GetUtcNow()));
    }

    private static IResult? Availability(SurveyWave wave, DateTimeOffset now) => wave.AvailabilityAt(now) switch
    {
        WaveAvailability.Open => null,
        WaveAvailability.Closed => WaveClosed(),
        WaveAvailability.NotYetOpen => SurveyPages.Notice("This survey is not open yet", $"It opens on {wave.OpensAt.UtcDateTime:d MMMM yyyy} (UTC). Please come back then.", StatusCodes.Status403Forbidden),
        _ => SurveyPages.Notice("This survey is not open yet", "The platform team has not opened it yet. Please come back when you are invited.", StatusCodes.Status403Forbidden),
    };

    private static async Task<IReadOnlyList<TeamName>> AudienceTeamsAsync(SurveyWave wave, SurveyStore store, CancellationToken cancellationToken)
    {
        var teams = await store.TeamsAsync(cancellationToken);
        return wave.AudienceTeamIds is { Count: > 0 } audience ? teams.Where(t => audience.Contains(t.TeamId)).ToList() : teams;
    }

    private static Dictionary<string, IReadOnlyList<string>> Values(IFormCollection form) =>
        form.Keys.Where(k => k.StartsWith("q_", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => (IReadOnlyList<string>)form[k].OfType<string>().ToList(), StringComparer.Ordinal);

    private static string AnsweredCookie(string waveId) =>
        "pulse-answered-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(waveId)))[..16];

    private static IResult LinkUsed() =>
        SurveyPages.Notice("This link has already been used", "Each survey link works once, and this one has been used, so those answers are already saved. Nothing new was saved.", StatusCodes.Status410Gone,
            "If you did not answer this survey yourself, tell the platform team.");

    private static IResult LinkReplaced() =>
        SurveyPages.Notice("This link was replaced", "A newer link to this survey was sent after this one, so this one no longer works. Nothing was saved.", StatusCodes.Status410Gone,
            "Use the link in your latest invitation. If you cannot find it, ask the platform team.");

    private static IResult AlreadyAnswered() =>
        SurveyPages.Notice("You have already answered this survey", "Answers from this browser are already saved, and each person answers once. Thank you!", StatusCodes.Status409Conflict);

    private static IResult WaveClosed() =>
        SurveyPages.Notice("This survey is closed", "It no longer takes answers, so nothing was saved. Thank you for your interest; the next survey will come with a new link.", StatusCodes.Status410Gone);

    private sealed record OpenedLink(PendingInvitation Invitation, SurveyWave Wave);
}
