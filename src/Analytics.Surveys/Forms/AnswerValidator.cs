using System.Globalization;
using Analytics.Core.Surveys;

namespace Analytics.Surveys.Forms;

/// <summary>
/// Checks the raw form values of a survey against its questions. Every message names the problem in the
/// respondent's words, and nothing outside a question's scale or options is ever accepted.
/// </summary>
public static class AnswerValidator
{
    /// <summary>Longest answer to a short-text question.</summary>
    public const int ShortTextLimit = 200;

    /// <summary>Longest answer to a long-text question.</summary>
    public const int LongTextLimit = 5_000;

    /// <summary>
    /// Validates the values posted for each question (keyed by question id; absent = unanswered). A value for a
    /// question not in <paramref name="questions"/> (an unknown id, or a block the wave does not ask) is an error
    /// too, so nothing is stored that the form did not ask.
    /// </summary>
    public static ValidatedAnswers Validate(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, IReadOnlyList<string>> values)
    {
        var answers = new List<SurveyAnswer>();
        var errors = new List<FieldError>();
        foreach (var unknown in values.Keys.Where(id => !questions.Any(q => q.QuestionId == id)).Order(StringComparer.Ordinal))
        {
            errors.Add(new FieldError(unknown, $"The form holds an answer to '{Shorten(unknown)}', which this survey does not ask. Reload the page and send it again."));
        }

        foreach (var question in questions)
        {
            var given = values.TryGetValue(question.QuestionId, out var raw)
                ? raw.Select(v => v.Trim()).Where(v => v.Length > 0).ToList()
                : [];
            if (given.Count == 0)
            {
                if (question.Required)
                {
                    errors.Add(new FieldError(question.QuestionId, MissingMessage(question.Kind)));
                }

                continue;
            }

            var (answer, error) = Check(question, given);
            if (error is not null)
            {
                errors.Add(new FieldError(question.QuestionId, error));
            }
            else
            {
                answers.Add(answer!);
            }
        }

        return new ValidatedAnswers(answers, errors);
    }

    private static (SurveyAnswer? Answer, string? Error) Check(SurveyQuestion question, List<string> given)
    {
        switch (question.Kind)
        {
            case SurveyQuestionKinds.Nps or SurveyQuestionKinds.Likert:
            {
                var (low, high) = question.Kind == SurveyQuestionKinds.Nps ? (0, 10) : (1, 5);
                if (given.Count > 1)
                {
                    return (null, "Choose only one value.");
                }

                return int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= low && value <= high
                    ? (Answer(question, value, null, null), null)
                    : (null, $"Choose a score from {low} to {high}; '{Shorten(given[0])}' is not on the scale.");
            }

            case SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice:
            {
                if (question.Kind == SurveyQuestionKinds.SingleChoice && given.Count > 1)
                {
                    return (null, "Choose only one option.");
                }

                var offered = question.Options ?? [];
                var unknown = given.FirstOrDefault(g => !offered.Contains(g, StringComparer.Ordinal));
                if (unknown is not null)
                {
                    return (null, $"'{Shorten(unknown)}' is not one of the options; choose from the list.");
                }

                var chosen = given.Distinct(StringComparer.Ordinal).Cast<string?>().ToList();
                return (Answer(question, null, chosen, null), null);
            }

            case SurveyQuestionKinds.ShortText or SurveyQuestionKinds.LongText:
            {
                var text = string.Join("\n", given).ReplaceLineEndings("\n");
                var limit = question.Kind == SurveyQuestionKinds.ShortText ? ShortTextLimit : LongTextLimit;
                return text.Length > limit
                    ? (null, string.Create(CultureInfo.InvariantCulture, $"Keep this answer to {limit:N0} characters or fewer; it has {text.Length:N0}."))
                    : (Answer(question, null, null, text), null);
            }

            default:
                throw new InvalidOperationException($"Question '{question.QuestionId}' has unknown kind '{question.Kind}'.");
        }
    }

    private static SurveyAnswer Answer(SurveyQuestion question, int? number, IReadOnlyList<string?>? choices, string? text) =>
        new(Guid.Empty, question.QuestionId, number, choices, text);

    private static string MissingMessage(string kind) => kind switch
    {
        SurveyQuestionKinds.Nps => "Choose a score from 0 to 10.",
        SurveyQuestionKinds.Likert => "Choose one of the five points on the scale.",
        SurveyQuestionKinds.SingleChoice => "Choose one option.",
        SurveyQuestionKinds.MultipleChoice => "Choose at least one option.",
        _ => "Enter an answer.",
    };

    private static string Shorten(string value) => value.Length <= 20 ? value : value[..20] + "…";
}
