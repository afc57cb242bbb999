using Analytics.Core.Storage;

namespace Analytics.Core.Surveys;

/// <summary>A survey definition.</summary>
/// <param name="SurveyId">Natural key.</param>
/// <param name="Title">Title shown to respondents.</param>
/// <param name="Description">Introduction.</param>
/// <param name="Template">The template it was made from.</param>
/// <param name="CreatedAt">Created.</param>
public sealed record Survey(
    string SurveyId,
    string Title,
    string? Description,
    string? Template,
    DateTimeOffset CreatedAt) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "surveys";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(SurveyId)
            .AppendValue(Title)
            .AppendValue(Description)
            .AppendValue(Template)
            .AppendValue(CreatedAt)
            .EndRow();
}
