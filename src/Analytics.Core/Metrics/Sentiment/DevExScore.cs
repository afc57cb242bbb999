namespace Analytics.Core.Metrics.Sentiment;

/// <summary>A DevEx item group (dimension, capability CSAT or journey stage) of one wave; values null when suppressed.</summary>
/// <param name="WaveId">The wave.</param>
/// <param name="WaveName">Its name.</param>
/// <param name="OpensAt">When it opened.</param>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="Dimension">feedback_loops, cognitive_load, flow, csat, journey, or a custom dimension.</param>
/// <param name="Item">The capability or journey stage, for csat and journey.</param>
/// <param name="Suppressed">Hidden for privacy.</param>
/// <param name="Respondents">Respondents who answered.</param>
/// <param name="Mean">Mean on the 1–5 scale.</param>
/// <param name="FavourablePercent">Share answering 4 or 5.</param>
public sealed record DevExScore(
    string WaveId,
    string WaveName,
    DateTimeOffset OpensAt,
    string Level,
    string? TeamId,
    string Dimension,
    string? Item,
    bool Suppressed,
    long? Respondents,
    double? Mean,
    double? FavourablePercent);
