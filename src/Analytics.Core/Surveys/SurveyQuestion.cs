using Analytics.Core.Storage;

namespace Analytics.Core.Surveys;

/// <summary>A question of a survey.</summary>
/// <param name="SurveyId">The survey.</param>
/// <param name="QuestionId">Key within the survey.</param>
/// <param name="Position">Order on the form.</param>
/// <param name="Kind">nps, likert, single_choice, multiple_choice, short_text or long_text.</param>
/// <param name="Text">The question.</param>
/// <param name="HelpText">Help shown under the question.</param>
/// <param name="Required">Whether an answer is required.</param>
/// <param name="Dimension">DevEx dimension it scores, for example <c>feedback_loops</c>.</param>
/// <param name="Capability">Platform capability it rates (CSAT).</param>
/// <param name="Options">Choices, for choice questions.</param>
/// <param name="LowLabel">Label of the scale's low end.</param>
/// <param name="HighLabel">Label of the scale's high end.</param>
/// <param name="Block">The optional block it belongs to, asked only in waves that switch the block on; null = always asked.</param>
/// <param name="Grid">The prompt of the grid it is a row of: consecutive questions with the same grid are shown as one table.</param>
/// <param name="RowLabel">Its short label as a grid row, for example "Deploying"; the text when null.</param>
public sealed record SurveyQuestion(
    string SurveyId,
    string QuestionId,
    int Position,
    string Kind,
    string Text,
    string? HelpText,
    bool Required,
    string? Dimension,
    string? Capability,
    IReadOnlyList<string?>? Options,
    string? LowLabel,
    string? HighLabel,
    string? Block = null,
    string? Grid = null,
    string? RowLabel = null) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "survey_questions";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(SurveyId)
            .AppendValue(QuestionId)
            .AppendValue(Position)
            .AppendValue(Kind)
            .AppendValue(Text)
            .AppendValue(HelpText)
            .AppendValue(Required)
            .AppendValue(Dimension)
            .AppendValue(Capability)
            .AppendValue(Options)
            .AppendValue(LowLabel)
            .AppendValue(HighLabel)
            .AppendValue(Block)
            .AppendValue(Grid)
            .AppendValue(RowLabel)
            .EndRow();
}
