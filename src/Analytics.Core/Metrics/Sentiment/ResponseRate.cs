namespace Analytics.Core.Metrics.Sentiment;

/// <summary>Response rate of one wave, for the organisation or a team.</summary>
/// <param name="WaveId">The wave.</param>
/// <param name="WaveName">Its name.</param>
/// <param name="OpensAt">When it opened.</param>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Suppressed">Hidden for privacy.</param>
/// <param name="Invited">Engineers in the audience when it opened.</param>
/// <param name="Responses">Responses.</param>
/// <param name="RatePercent">Responses ÷ invited × 100.</param>
public sealed record ResponseRate(
    string WaveId,
    string WaveName,
    DateTimeOffset OpensAt,
    string Level,
    string? TeamId,
    bool Suppressed,
    long Invited,
    long? Responses,
    double? RatePercent);
