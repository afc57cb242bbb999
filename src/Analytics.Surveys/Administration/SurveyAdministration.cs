using System.Globalization;
using System.Text;
using Analytics.Core.Csv;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Storage;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Surveys.Audit;
using Analytics.Surveys.Links;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Surveys.Administration;

/// <summary>
/// What platform PMs do from <c>/admin</c>: create surveys from a template or from scratch, edit questions until
/// a wave opens, run waves, hand out single-use links, and watch and export the responses without identities.
/// Every refusal is a <see cref="SurveyAdminException"/> that says why. Every action takes the signed-in name of the
/// admin doing it and records it in the <see cref="AdminAuditLog"/> in the same transaction as the change.
/// </summary>
public sealed class SurveyAdministration(PulseDatabase database, SurveyStore store, MetricsService metrics, TimeProvider clock, IOptions<SurveyOptions> options, AdminAuditLog audit)
{
    private const int MaxOptions = 20;

    /// <summary>Every survey, newest first.</summary>
    public async Task<IReadOnlyList<SurveySummary>> SurveysAsync(CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<SurveySummary>(Command("surveys/surveys", null, cancellationToken))).AsList();
    }

    /// <summary>Creates a survey with a template's questions; returns its id.</summary>
    public async Task<string> CreateFromTemplateAsync(string actor, string templateName, CancellationToken cancellationToken)
    {
        var template = SurveyTemplateCatalog.Find(templateName)
            ?? throw new SurveyAdminException($"There is no template named '{templateName}'. Choose one of: {string.Join(", ", SurveyTemplateCatalog.All.Select(t => t.Name))}.");
        var now = clock.GetUtcNow();
        var draft = template.Survey("draft", now);
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var surveyId = SurveyDefinitionWriter.FreeSurveyId(connection, draft.Title, now, cancellationToken);
        SurveyDefinitionWriter.InsertSurvey(connection, transaction, draft with { SurveyId = surveyId }, template.Questions(surveyId), cancellationToken);
        audit.Record(connection, transaction, actor, AuditActions.SurveyCreated, AuditTarget.Survey(surveyId), $"from template {template.Name}", cancellationToken);
        transaction.Commit();
        store.Forget();
        return surveyId;
    }

    /// <summary>Creates a survey with no questions yet; returns its id.</summary>
    public async Task<string> CreateBlankAsync(string actor, string title, string? description, CancellationToken cancellationToken)
    {
        title = Required(title, "title", 120);
        description = Optional(description, "description", 1000);
        var now = clock.GetUtcNow();
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var surveyId = SurveyDefinitionWriter.FreeSurveyId(connection, title, now, cancellationToken);
        SurveyDefinitionWriter.InsertSurvey(connection, transaction, new Survey(surveyId, title, description, null, now), [], cancellationToken);
        audit.Record(connection, transaction, actor, AuditActions.SurveyCreated, AuditTarget.Survey(surveyId), "empty", cancellationToken);
        transaction.Commit();
        store.Forget();
        return surveyId;
    }

    /// <summary>Adds a question at the end of the form.</summary>
    public async Task AddQuestionAsync(string actor, string surveyId, QuestionDraft draft, CancellationToken cancellationToken)
    {
        var question = Check(draft);
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await EnsureEditableAsync(connection, surveyId, cancellationToken);
        var position = await connection.ExecuteScalarAsync<int>(Command("surveys/next_position", new { survey_id = surveyId }, cancellationToken, transaction));
        SurveyDefinitionWriter.InsertQuestion(connection, transaction, question with { SurveyId = surveyId, QuestionId = $"q{position}", Position = position }, cancellationToken);
        audit.Record(connection, transaction, actor, AuditActions.QuestionAdded, AuditTarget.Question(surveyId, $"q{position}"), question.Kind, cancellationToken);
        transaction.Commit();
        store.Forget();
    }

    /// <summary>Changes a question's wording, help, options and labels (its kind stays).</summary>
    public async Task UpdateQuestionAsync(string actor, string surveyId, string questionId, QuestionDraft draft, CancellationToken cancellationToken)
    {
        var question = Check(draft);
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await EnsureEditableAsync(connection, surveyId, cancellationToken);
        var current = (await store.QuestionsAsync(surveyId, cancellationToken)).FirstOrDefault(q => q.QuestionId == questionId)
            ?? throw new SurveyAdminException($"Survey '{surveyId}' has no question '{questionId}'.");
        if (current.Kind != question.Kind)
        {
            throw new SurveyAdminException("A question's kind cannot change; delete it and add a new one instead.");
        }

        SurveyDefinitionWriter.UpdateQuestion(connection, question with { SurveyId = surveyId, QuestionId = questionId }, cancellationToken);
        audit.Record(connection, transaction, actor, AuditActions.QuestionChanged, AuditTarget.Question(surveyId, questionId), null, cancellationToken);
        transaction.Commit();
        store.Forget();
    }

    /// <summary>Removes a question.</summary>
    public async Task DeleteQuestionAsync(string actor, string surveyId, string questionId, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        await EnsureEditableAsync(connection, surveyId, cancellationToken);
        if (await connection.ExecuteAsync(Command("surveys/delete_question", new { survey_id = surveyId, question_id = questionId }, cancellationToken, transaction)) == 0)
        {
            throw new SurveyAdminException($"Survey '{surveyId}' has no question '{questionId}'.");
        }

        audit.Record(connection, transaction, actor, AuditActions.QuestionDeleted, AuditTarget.Question(surveyId, questionId), null, cancellationToken);
        transaction.Commit();
        store.Forget();
    }

    /// <summary>Creates a draft wave; returns its id.</summary>
    public async Task<string> CreateWaveAsync(string actor, string surveyId, WaveDraft draft, CancellationToken cancellationToken)
    {
        _ = await store.SurveyAsync(surveyId, cancellationToken) ?? throw new SurveyAdminException($"There is no survey '{surveyId}'.");
        var name = draft.Name.Trim();
        var blocks = draft.OptionalBlocks is { Count: > 0 } chosen ? chosen.Distinct(StringComparer.Ordinal).Cast<string?>().ToList() : null;
        var wave = new SurveyWave($"{surveyId}-{SurveyDefinitionWriter.Slug(name)}", surveyId, name, draft.OpensAt, draft.ClosesAt, draft.IsAnonymous,
            draft.MinGroupSize, draft.AudienceTeamIds.Count == 0 ? null : draft.AudienceTeamIds, "draft", blocks);
        var questions = await store.QuestionsAsync(surveyId, cancellationToken);
        var problem = SurveyWaveRules.Problem(wave, questions.Count);
        if (problem is not null)
        {
            throw new SurveyAdminException(problem);
        }

        var unknownBlock = blocks?.FirstOrDefault(b => !questions.Any(q => q.Block == b));
        if (unknownBlock is not null)
        {
            throw new SurveyAdminException($"Survey '{surveyId}' has no optional block '{unknownBlock}'.");
        }

        var teams = (await store.TeamsAsync(cancellationToken)).Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var unknown = draft.AudienceTeamIds.FirstOrDefault(t => !teams.Contains(t));
        if (unknown is not null)
        {
            throw new SurveyAdminException($"There is no team '{unknown}'.");
        }

        if (await store.WaveAsync(wave.WaveId, cancellationToken) is not null)
        {
            throw new SurveyAdminException($"Survey '{surveyId}' already has a wave named '{name}'.");
        }

        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        SurveyDefinitionWriter.InsertWave(connection, transaction, wave, cancellationToken);
        audit.Record(connection, transaction, actor, AuditActions.WaveCreated, AuditTarget.Wave(wave.WaveId), $"of survey {surveyId}", cancellationToken);
        transaction.Commit();
        store.Forget();
        return wave.WaveId;
    }

    /// <summary>Opens a draft wave: from its opening date it takes responses, and its questions are fixed.</summary>
    public Task OpenWaveAsync(string actor, string waveId, CancellationToken cancellationToken) => MoveAsync(actor, waveId, "draft", "open", AuditActions.WaveOpened, cancellationToken);

    /// <summary>Closes an open wave: its links and open link stop working until it is reopened.</summary>
    public Task CloseWaveAsync(string actor, string waveId, CancellationToken cancellationToken) => MoveAsync(actor, waveId, "open", "closed", AuditActions.WaveClosed, cancellationToken);

    /// <summary>
    /// Reopens a wave that was closed before its end, for a close made by mistake: its unused links and open link
    /// work again until the end. After the end it is refused; a new wave is the way to ask again.
    /// </summary>
    public async Task ReopenWaveAsync(string actor, string waveId, CancellationToken cancellationToken)
    {
        var wave = await store.WaveAsync(waveId, cancellationToken) ?? throw new SurveyAdminException($"There is no wave '{waveId}'.");
        var now = clock.GetUtcNow();
        if (wave.ClosesAt <= now)
        {
            throw new SurveyAdminException($"The wave ended on {wave.ClosesAt.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC, so it cannot be reopened. Create a new wave to ask again.");
        }

        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var reopened = (await connection.QueryAsync<string>(Command("surveys/reopen_wave", new { wave_id = waveId, now }, cancellationToken, transaction))).AsList();
        if (reopened.Count == 0)
        {
            store.Forget();
            var current = await store.WaveAsync(waveId, cancellationToken);
            throw new SurveyAdminException($"The wave is {current?.Status ?? "gone"}; only a closed wave can be reopened.");
        }

        audit.Record(connection, transaction, actor, AuditActions.WaveReopened, AuditTarget.Wave(waveId), null, cancellationToken);
        transaction.Commit();
        store.Forget();
    }

    /// <summary>What making new links for the wave would do: how many sent links stop working, how many are made.</summary>
    public async Task<LinkReplacement> LinkReplacementAsync(string waveId, CancellationToken cancellationToken)
    {
        _ = await store.WaveAsync(waveId, cancellationToken) ?? throw new SurveyAdminException($"There is no wave '{waveId}'.");
        var now = clock.GetUtcNow();
        using var connection = await database.OpenAsync(cancellationToken);
        var working = await connection.ExecuteScalarAsync<long>(Command("surveys/working_invitation_count", new { wave_id = waveId, now }, cancellationToken));
        var audience = (await connection.QueryAsync<AudienceMember>(Command("surveys/audience", new { wave_id = waveId, now }, cancellationToken))).Count();
        return new LinkReplacement(working, audience);
    }

    /// <summary>
    /// Makes a fresh single-use link for every invited engineer who has not answered yet, replacing the wave's
    /// unused links, which then tell whoever opens them that they were replaced. Only hashes are stored, so the
    /// returned list is the only copy of the links.
    /// </summary>
    /// <param name="actor">The signed-in name of the admin.</param>
    /// <param name="waveId">The wave.</param>
    /// <param name="requestBaseUrl">The address the admin used, for links when no public address is configured.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    public async Task<IReadOnlyList<InvitationLink>> CreateLinksAsync(string actor, string waveId, string requestBaseUrl, CancellationToken cancellationToken)
    {
        var wave = await store.WaveAsync(waveId, cancellationToken) ?? throw new SurveyAdminException($"There is no wave '{waveId}'.");
        if (wave.Status == "closed")
        {
            throw new SurveyAdminException("The wave is closed; links to it would not work.");
        }

        var now = clock.GetUtcNow();
        var settings = options.Value;
        var expires = now + settings.LinkLifetime < wave.ClosesAt ? now + settings.LinkLifetime : wave.ClosesAt;
        var baseUrl = (string.IsNullOrWhiteSpace(settings.PublicBaseUrl) ? requestBaseUrl : settings.PublicBaseUrl).TrimEnd('/');
        var links = new List<InvitationLink>();
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var audience = (await connection.QueryAsync<AudienceMember>(Command("surveys/audience", new { wave_id = waveId, now }, cancellationToken, transaction))).AsList();
        var replaced = await connection.ExecuteAsync(Command("surveys/replace_unused_invitations", new { wave_id = waveId, now }, cancellationToken, transaction));
        await connection.ExecuteAsync(Command("surveys/drop_unused_invitations", new { wave_id = waveId }, cancellationToken, transaction));
        using (var appender = connection.CreateAppender("survey_invitations"))
        {
            foreach (var member in audience)
            {
                var token = SurveyTokens.Create();
                appender.CreateRow()
                    .AppendValue(SurveyTokens.Hash(token)).AppendValue(waveId).AppendValue(member.EngineerId).AppendValue(member.TeamId)
                    .AppendValue(now).AppendValue(expires).AppendNullValue()
                    .EndRow();
                links.Add(new InvitationLink(member.EngineerId, member.DisplayName, member.Email, member.TeamName, $"{baseUrl}/s/{token}", expires));
            }
        }

        audit.Record(connection, transaction, actor, AuditActions.LinksGenerated, AuditTarget.Wave(waveId), $"{links.Count} new links, {replaced} unused links replaced", cancellationToken);
        transaction.Commit();
        return links;
    }

    /// <summary>The links as CSV, one engineer a row.</summary>
    public static string LinksCsv(IReadOnlyList<InvitationLink> links)
    {
        var csv = new StringBuilder().AppendLine(CsvCell.Line(["engineer_id", "name", "email", "team", "link", "expires_at"]));
        foreach (var link in links)
        {
            csv.AppendLine(CsvCell.Line([
                CsvCell.Text(link.EngineerId), CsvCell.Text(link.DisplayName), CsvCell.Text(link.Email), CsvCell.Text(link.Team), CsvCell.Text(link.Link), CsvCell.Timestamp(link.ExpiresAt),
            ]));
        }

        return csv.ToString();
    }

    /// <summary>The wave's response rate for the organisation and each team, suppressed below k as in reports.</summary>
    public async Task<IReadOnlyList<ResponseRate>> ResponseRatesAsync(SurveyWave wave, CancellationToken cancellationToken)
    {
        // The metric selects waves by opening day in the reporting time zone; a day either side covers any zone.
        var day = DateOnly.FromDateTime(wave.OpensAt.UtcDateTime);
        var rates = await metrics.QueryAsync<ResponseRate>("response_rate", new MetricsQuery(day.AddDays(-1), day.AddDays(2), PeriodGrain.Quarter), cancellationToken);
        return rates.Where(r => r.WaveId == wave.WaveId).ToList();
    }

    /// <summary>
    /// The wave's answers as CSV, one response a row and one question a column, with no identities: no engineer,
    /// no response id, only the day, rows in random order, and the team left blank wherever the wave's response
    /// rate hides it (the same decision and k as the metrics: the wave's own or the organisation's, if larger).
    /// </summary>
    public async Task<string> ResponsesCsvAsync(string actor, string waveId, CancellationToken cancellationToken)
    {
        var wave = await store.WaveAsync(waveId, cancellationToken) ?? throw new SurveyAdminException($"There is no wave '{waveId}'.");
        var questions = await store.QuestionsAsync(wave.SurveyId, cancellationToken);
        using var connection = await database.OpenAsync(cancellationToken);
        var k = wave.ReportedGroupSize(metrics.MinimumGroupSize);
        if (!await connection.ExecuteScalarAsync<bool>(Command("surveys/wave_results_shown", new { wave_id = waveId, k = metrics.MinimumGroupSize }, cancellationToken)))
        {
            throw new SurveyAdminException($"The answers can be downloaded once the wave has {k} responses: fewer could identify the people who answered.");
        }

        var rows = await connection.QueryAsync<ExportedAnswer>(Command("surveys/response_export",
            new { wave_id = waveId, k = metrics.MinimumGroupSize, salt = Guid.NewGuid().ToString() }, cancellationToken));
        var csv = new StringBuilder().AppendLine(CsvCell.Line(["submitted_on", "team", .. questions.Select(q => q.QuestionId)]));
        var count = 0;
        foreach (var response in rows.GroupBy(r => r.RowKey))
        {
            count++;
            var first = response.First();
            var byQuestion = response.ToDictionary(a => a.QuestionId, StringComparer.Ordinal);
            csv.AppendLine(CsvCell.Line([
                CsvCell.Text(first.SubmittedOn), CsvCell.Text(first.Team),
                .. questions.Select(q => byQuestion.TryGetValue(q.QuestionId, out var a) ? a.Cell : CsvCell.Empty),
            ]));
        }

        audit.Record(connection, null, actor, AuditActions.ResponsesExported, AuditTarget.Wave(waveId), $"{count} responses", cancellationToken);
        return csv.ToString();
    }

    private async Task MoveAsync(string actor, string waveId, string from, string to, string action, CancellationToken cancellationToken)
    {
        using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var moved = (await connection.QueryAsync<string>(Command("surveys/set_wave_status", new { wave_id = waveId, expected = from, status = to }, cancellationToken, transaction))).AsList();
        if (moved.Count > 0 && to == "closed")
        {
            await connection.ExecuteAsync(Command("surveys/release_wave", new { wave_id = waveId }, cancellationToken, transaction));
        }

        if (moved.Count > 0)
        {
            audit.Record(connection, transaction, actor, action, AuditTarget.Wave(waveId), null, cancellationToken);
        }

        transaction.Commit();
        store.Forget();
        if (moved.Count == 0)
        {
            var wave = await store.WaveAsync(waveId, cancellationToken) ?? throw new SurveyAdminException($"There is no wave '{waveId}'.");
            throw new SurveyAdminException($"The wave is {wave.Status}; only a {from} wave can be made {to}.");
        }
    }

    private static async Task EnsureEditableAsync(System.Data.IDbConnection connection, string surveyId, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<long>(Command("surveys/started_waves", new { survey_id = surveyId }, cancellationToken)) > 0)
        {
            throw new SurveyAdminException("A wave of this survey has opened, so its questions are fixed: answers must mean the same across a wave. Create a new survey to change them.");
        }
    }


    private static SurveyQuestion Check(QuestionDraft draft)
    {
        if (!SurveyQuestionKinds.All.Contains(draft.Kind))
        {
            throw new SurveyAdminException($"'{draft.Kind}' is not a question kind. Choose one of: {string.Join(", ", SurveyQuestionKinds.All)}.");
        }

        var text = Required(draft.Text, "question", 500);
        var help = Optional(draft.HelpText, "help text", 500);
        var options = draft.Options.Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (SurveyQuestionKinds.HasOptions(draft.Kind))
        {
            if (options.Count is < 2 or > MaxOptions)
            {
                throw new SurveyAdminException($"A choice question needs between 2 and {MaxOptions} options, one per line.");
            }

            if (options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                throw new SurveyAdminException("Each option must be different.");
            }

            foreach (var option in options)
            {
                Required(option, "option", 200);
            }
        }

        var scale = SurveyQuestionKinds.IsScale(draft.Kind);
        return new SurveyQuestion("", "", 0, draft.Kind, text, help, draft.Required, null, null,
            SurveyQuestionKinds.HasOptions(draft.Kind) ? options.Cast<string?>().ToList() : null,
            scale ? Optional(draft.LowLabel, "low label", 60) : null,
            scale ? Optional(draft.HighLabel, "high label", 60) : null);
    }

    private static string Required(string? value, string what, int limit) =>
        Optional(value, what, limit) ?? throw new SurveyAdminException($"Enter a {what}.");

    private static string? Optional(string? value, string what, int limit)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: > 0 } && trimmed.Length > limit)
        {
            throw new SurveyAdminException($"The {what} is {trimmed.Length:N0} characters long; keep it to {limit:N0}.");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }




    private static CommandDefinition Command(string query, object? parameters, CancellationToken cancellationToken, System.Data.IDbTransaction? transaction = null) =>
        new(SqlQueries.Get(query), parameters, transaction, cancellationToken: cancellationToken);

    private sealed record ExportedAnswer(string RowKey, string? SubmittedOn, string? Team, string QuestionId, int? NumericValue, string[]? ChoiceValues, string? TextValue)
    {
        public CsvCell Cell => NumericValue is { } number ? CsvCell.Number(number)
            : CsvCell.Text(ChoiceValues is null ? TextValue : string.Join("; ", ChoiceValues));
    }
}
