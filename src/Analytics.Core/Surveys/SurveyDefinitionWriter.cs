using System.Data;
using System.Text;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Core.Surveys;

/// <summary>
/// Stores survey definitions (surveys, questions, waves) with the queries under <c>queries/surveys/</c>, on the
/// caller's connection and, when given, transaction; the counterpart of <see cref="SurveyDefinitions"/>. Checking
/// that a definition makes sense is the caller's job (see <see cref="SurveyWaveRules"/>).
/// </summary>
public static class SurveyDefinitionWriter
{
    private const int MaxSlugLength = 40;

    /// <summary>An id for a new survey: its title as a slug plus the day, with <c>-2</c>, <c>-3</c>… when taken.</summary>
    public static string FreeSurveyId(IDbConnection connection, string title, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stem = $"{Slug(title)}-{now:yyyy-MM-dd}";
        for (var attempt = 1; ; attempt++)
        {
            var candidate = attempt == 1 ? stem : $"{stem}-{attempt}";
            if (connection.ExecuteScalar<string?>(Command("surveys/survey", new { survey_id = candidate }, null, cancellationToken)) is null)
            {
                return candidate;
            }
        }
    }

    /// <summary>Stores a survey and its questions.</summary>
    public static void InsertSurvey(IDbConnection connection, IDbTransaction? transaction, Survey survey, IReadOnlyList<SurveyQuestion> questions, CancellationToken cancellationToken)
    {
        connection.Execute(Command("surveys/insert_survey", new
        {
            survey_id = survey.SurveyId, title = survey.Title, description = survey.Description, template = survey.Template, created_at = survey.CreatedAt,
        }, transaction, cancellationToken));
        foreach (var question in questions)
        {
            InsertQuestion(connection, transaction, question, cancellationToken);
        }
    }

    /// <summary>Stores a new question.</summary>
    public static void InsertQuestion(IDbConnection connection, IDbTransaction? transaction, SurveyQuestion question, CancellationToken cancellationToken) =>
        connection.Execute(Command("surveys/insert_question", QuestionParameters(question), transaction, cancellationToken));

    /// <summary>Changes a stored question's wording, help, options and labels.</summary>
    public static void UpdateQuestion(IDbConnection connection, SurveyQuestion question, CancellationToken cancellationToken) =>
        connection.Execute(Command("surveys/update_question", QuestionParameters(question), null, cancellationToken));

    /// <summary>Stores a new wave in its <see cref="SurveyWave.Status"/>.</summary>
    public static void InsertWave(IDbConnection connection, IDbTransaction? transaction, SurveyWave wave, CancellationToken cancellationToken) =>
        connection.Execute(Command("surveys/insert_wave", new
        {
            wave_id = wave.WaveId, survey_id = wave.SurveyId, name = wave.Name, opens_at = wave.OpensAt, closes_at = wave.ClosesAt,
            is_anonymous = wave.IsAnonymous, min_group_size = wave.MinGroupSize,
            audience_team_ids = new ListParameter(wave.AudienceTeamIds is { Count: > 0 } teams ? teams : null), status = wave.Status,
            optional_blocks = new ListParameter(wave.OptionalBlocks is { Count: > 0 } blocks ? blocks : null),
        }, transaction, cancellationToken));

    /// <summary>
    /// Text as an id part: lower-case ASCII letters and digits, every other run of characters one hyphen, at most
    /// 40 characters; <c>survey</c> when nothing is left.
    /// </summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "survey" : result[..Math.Min(result.Length, MaxSlugLength)].TrimEnd('-');
    }

    private static object QuestionParameters(SurveyQuestion q) => new
    {
        survey_id = q.SurveyId, question_id = q.QuestionId, position = q.Position, kind = q.Kind, text = q.Text, help_text = q.HelpText,
        required = q.Required, dimension = q.Dimension, capability = q.Capability, options = new ListParameter(q.Options), low_label = q.LowLabel, high_label = q.HighLabel,
        block = q.Block, grid = q.Grid, row_label = q.RowLabel,
    };

    private static CommandDefinition Command(string query, object parameters, IDbTransaction? transaction, CancellationToken cancellationToken) =>
        new(SqlQueries.Get(query), parameters, transaction, cancellationToken: cancellationToken);
}
