using Analytics.Core.Storage;

namespace Analytics.Core.Surveys;

/// <summary>One submitted response.</summary>
/// <param name="ResponseId">Random id.</param>
/// <param name="WaveId">The wave.</param>
/// <param name="TeamId">The respondent's team.</param>
/// <param name="EngineerId">The respondent; always null in an anonymous wave.</param>
/// <param name="SubmittedAt">Submitted; in an anonymous wave given through a link or an open link, the wave's opening instead, so that it cannot be joined with a link's use (imports keep the day of their export).</param>
/// <param name="Channel">link, open or import.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record SurveyResponse(
    Guid ResponseId,
    string WaveId,
    string? TeamId,
    string? EngineerId,
    DateTimeOffset SubmittedAt,
    string Channel,
    string Source) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "survey_responses";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(ResponseId)
            .AppendValue(WaveId)
            .AppendValue(TeamId)
            .AppendValue(EngineerId)
            .AppendValue(SubmittedAt)
            .AppendValue(Channel)
            .AppendValue(Source)
            .EndRow();
}
