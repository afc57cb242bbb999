namespace Analytics.Core.Metrics.Sentiment;

/// <summary>Platform NPS of one wave, for the organisation or a team; values are null when suppressed.</summary>
/// <param name="WaveId">The wave.</param>
/// <param name="WaveName">For example 2026 Q3.</param>
/// <param name="OpensAt">When the wave opened.</param>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Suppressed">Fewer than k respondents (or hidden so that a small group cannot be recovered).</param>
/// <param name="Respondents">n.</param>
/// <param name="Nps">%promoters − %detractors, −100 to 100.</param>
/// <param name="PromoterPercent">Share scoring 9–10.</param>
/// <param name="DetractorPercent">Share scoring 0–6.</param>
/// <param name="MarginOfError">95% margin in NPS points: adjusted Wald, finite-population corrected when the head count is known.</param>
/// <param name="WaldMarginOfError">95% margin, plain Wald, uncorrected.</param>
/// <param name="Change">Points since the group's previous wave.</param>
/// <param name="ChangeZ">z score of the change; |z| ≥ 1.96 is significant.</param>
public sealed record NpsResult(
    string WaveId,
    string WaveName,
    DateTimeOffset OpensAt,
    string Level,
    string? TeamId,
    bool Suppressed,
    long? Respondents,
    double? Nps,
    double? PromoterPercent,
    double? DetractorPercent,
    double? MarginOfError,
    double? WaldMarginOfError,
    double? Change,
    double? ChangeZ);
