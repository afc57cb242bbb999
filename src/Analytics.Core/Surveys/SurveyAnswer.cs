using Analytics.Core.Storage;

namespace Analytics.Core.Surveys;

/// <summary>The answer to one question of a response.</summary>
/// <param name="ResponseId">The response.</param>
/// <param name="QuestionId">The question.</param>
/// <param name="NumericValue">NPS or Likert value.</param>
/// <param name="ChoiceValues">Chosen options.</param>
/// <param name="TextValue">Free text.</param>
public sealed record SurveyAnswer(
    Guid ResponseId,
    string QuestionId,
    int? NumericValue,
    IReadOnlyList<string?>? ChoiceValues,
    string? TextValue) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "survey_answers";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(ResponseId)
            .AppendValue(QuestionId)
            .AppendValue(NumericValue)
            .AppendValue(ChoiceValues)
            .AppendValue(TextValue)
            .EndRow();
}
