namespace Analytics.Core.Metrics.Ai;

/// <summary>One team's value of a measure in one quarter.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Quarter">The quarter.</param>
/// <param name="Value">The value, in the measure's unit.</param>
public sealed record TeamQuarterValue(string TeamId, Quarter Quarter, double Value);
