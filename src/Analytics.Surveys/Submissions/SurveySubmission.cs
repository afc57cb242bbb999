using Analytics.Core.Surveys;

namespace Analytics.Surveys.Submissions;

/// <summary>A validated response on its way to the database.</summary>
/// <param name="ResponseId">Chosen when the form was shown, so that a double submit is recognised.</param>
/// <param name="WaveId">The wave answered.</param>
/// <param name="TokenHash">The hash of the single-use link's token; null for an open link.</param>
/// <param name="TeamId">The respondent's team, when known.</param>
/// <param name="EngineerId">The respondent; null in an anonymous wave.</param>
/// <param name="Anonymous">Keep only the day of submission, on the response and on the used link.</param>
/// <param name="Answers">The answers (their response id is replaced by <paramref name="ResponseId"/>).</param>
public sealed record SurveySubmission(
    Guid ResponseId,
    string WaveId,
    string? TokenHash,
    string? TeamId,
    string? EngineerId,
    bool Anonymous,
    IReadOnlyList<SurveyAnswer> Answers);
