using Analytics.Core.Storage;

namespace Analytics.Core.Surveys;

/// <summary>One run of a survey, with its dates and audience.</summary>
/// <param name="WaveId">Natural key.</param>
/// <param name="SurveyId">The survey.</param>
/// <param name="Name">For example <c>2026 Q3</c>.</param>
/// <param name="OpensAt">Opens.</param>
/// <param name="ClosesAt">Closes.</param>
/// <param name="IsAnonymous">Responses keep no link to the person.</param>
/// <param name="MinGroupSize">Smallest group reported (k), at least 3.</param>
/// <param name="AudienceTeamIds">Invited teams; null for everyone.</param>
/// <param name="Status">draft, open or closed.</param>
/// <param name="OptionalBlocks">The optional question blocks this wave asks (<see cref="SurveyQuestion.Block"/>); null for none.</param>
public sealed record SurveyWave(
    string WaveId,
    string SurveyId,
    string Name,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    bool IsAnonymous,
    int MinGroupSize,
    IReadOnlyList<string?>? AudienceTeamIds,
    string Status,
    IReadOnlyList<string?>? OptionalBlocks = null) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "survey_waves";

    /// <summary>
    /// The k this wave's results are reported with: its own minimum or the organisation's
    /// (<c>Pulse:Metrics:MinimumGroupSize</c>), whichever is larger, as the metric queries apply it.
    /// </summary>
    /// <param name="organisationMinimum">The organisation's minimum group size.</param>
    public int ReportedGroupSize(int organisationMinimum) => Math.Max(MinGroupSize, organisationMinimum);

    /// <summary>Whether this wave's form asks the question: it belongs to no block, or to one the wave switches on.</summary>
    /// <param name="question">A question of the wave's survey.</param>
    public bool Asks(SurveyQuestion question) => question.Block is null || (OptionalBlocks?.Contains(question.Block) ?? false);

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(WaveId)
            .AppendValue(SurveyId)
            .AppendValue(Name)
            .AppendValue(OpensAt)
            .AppendValue(ClosesAt)
            .AppendValue(IsAnonymous)
            .AppendValue(MinGroupSize)
            .AppendValue(AudienceTeamIds)
            .AppendValue(Status)
            .AppendValue(OptionalBlocks)
            .EndRow();
}
