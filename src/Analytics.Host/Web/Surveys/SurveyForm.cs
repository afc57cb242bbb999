using Analytics.Core.Surveys;
using Analytics.Surveys;
using Analytics.Surveys.Forms;

namespace Analytics.Host.Web.Surveys;

/// <summary>Everything the form page shows: the survey, what was entered so far, and what to fix.</summary>
/// <param name="Survey">The survey.</param>
/// <param name="Wave">The wave answered.</param>
/// <param name="Questions">The questions the wave asks, in form order.</param>
/// <param name="SubmissionId">The response id this form will store, so a second press is recognised.</param>
/// <param name="AntiforgeryField">The hidden antiforgery input's name.</param>
/// <param name="AntiforgeryToken">Its value.</param>
/// <param name="Values">Values entered so far, by question id.</param>
/// <param name="Errors">What to fix, in form order.</param>
/// <param name="Teams">For open links: the teams a respondent may pick; null for personal links.</param>
/// <param name="ChosenTeam">The team picked so far.</param>
/// <param name="GroupSize">The k results are reported with (the wave's own or the organisation's, if larger).</param>
public sealed record SurveyForm(
    Survey Survey,
    SurveyWave Wave,
    IReadOnlyList<SurveyQuestion> Questions,
    Guid SubmissionId,
    string AntiforgeryField,
    string? AntiforgeryToken,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Values,
    IReadOnlyList<FieldError> Errors,
    IReadOnlyList<TeamName>? Teams,
    string? ChosenTeam,
    int GroupSize)
{
    /// <summary>The form field that carries a question's answer.</summary>
    public static string FieldName(string questionId) => "q_" + questionId;

    /// <summary>The id of a question's first control, where the error summary's link jumps.</summary>
    public static string FirstControlId(SurveyQuestion question) => question.Kind switch
    {
        SurveyQuestionKinds.Likert => $"{FieldName(question.QuestionId)}-1",
        SurveyQuestionKinds.Nps or SurveyQuestionKinds.SingleChoice or SurveyQuestionKinds.MultipleChoice => $"{FieldName(question.QuestionId)}-0",
        _ => FieldName(question.QuestionId),
    };

    /// <summary>The values entered so far for a question.</summary>
    public IReadOnlyList<string> ValuesOf(SurveyQuestion question) => Values.TryGetValue(question.QuestionId, out var given) ? given : [];

    /// <summary>What to fix in a question's answer, or null.</summary>
    public string? ErrorOf(SurveyQuestion question) => Errors.FirstOrDefault(e => e.QuestionId == question.QuestionId)?.Message;
}
