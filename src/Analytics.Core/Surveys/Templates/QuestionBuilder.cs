namespace Analytics.Core.Surveys.Templates;

/// <summary>Numbers questions in the order they are added, so templates read like the form they make.</summary>
internal sealed class QuestionBuilder(string surveyId)
{
    public const string AgreeLow = "Strongly disagree";
    public const string AgreeHigh = "Strongly agree";

    private readonly List<SurveyQuestion> _questions = [];

    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    public QuestionBuilder Add(string id, string kind, string text, bool required, string? dimension = null, string? capability = null,
        IReadOnlyList<string?>? options = null, string? low = null, string? high = null, string? help = null, string? block = null, string? grid = null, string? rowLabel = null)
    {
        _questions.Add(new SurveyQuestion(surveyId, id, _questions.Count + 1, kind, text, help, required, dimension, capability, options, low, high, block, grid, rowLabel));
        return this;
    }

    public QuestionBuilder Agree(string id, string text, string dimension, bool required = true, string? grid = null, string? block = null) =>
        Add(id, SurveyQuestionKinds.Likert, text, required, dimension, low: AgreeLow, high: AgreeHigh, block: block, grid: grid);
}
