namespace Analytics.Core.Metrics.Ai;

/// <summary>The AI assistant survey items of a wave (<c>queries/metrics/ai_survey.sql</c>).</summary>
/// <param name="WaveId">The wave.</param>
/// <param name="WaveName">Its name.</param>
/// <param name="OpensAt">When it opened.</param>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team, on team rows.</param>
/// <param name="Suppressed">Too few respondents here or in a sibling to show: the figures are withheld.</param>
/// <param name="Respondents">Respondents who answered either item.</param>
/// <param name="MeanHoursSavedPerWeek">Mean hours saved per week (each option at its middle).</param>
/// <param name="MeanTrust">Mean trust, 1 to 5.</param>
/// <param name="TrustFavourablePercent">Trust answers of 4 or 5, percent.</param>
public sealed record AiSurveyResult(
    string WaveId, string WaveName, DateTimeOffset OpensAt, string Level, string? TeamId, bool Suppressed, long? Respondents,
    double? MeanHoursSavedPerWeek, double? MeanTrust, double? TrustFavourablePercent);
