namespace Analytics.Core.Metrics.Ai;

/// <summary>An assistant's organisation-wide usage in a period (<c>queries/metrics/ai_usage.sql</c>).</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Assistant">The assistant, for example <c>copilot</c>.</param>
/// <param name="DaysReported">Days with figures.</param>
/// <param name="MeanDailyActiveUsers">Mean of the days' active users.</param>
/// <param name="MeanDailyEngagedUsers">Mean of the days' engaged users.</param>
/// <param name="PeakActiveUsers">The busiest day's active users.</param>
/// <param name="Suggestions">Code suggestions shown.</param>
/// <param name="Acceptances">Code suggestions accepted.</param>
/// <param name="AcceptanceRate">Acceptances ÷ Suggestions, 0 to 1.</param>
/// <param name="MeanDailyChatUsers">Mean of the days' chat users.</param>
/// <param name="Chats">Chats.</param>
/// <param name="MeanDailyAgentUsers">Mean of the days' agent users.</param>
/// <param name="AgentUses">Agent actions.</param>
public sealed record AiUsage(
    DateOnly PeriodStart,
    string Assistant,
    long DaysReported,
    double? MeanDailyActiveUsers,
    double? MeanDailyEngagedUsers,
    long? PeakActiveUsers,
    long? Suggestions,
    long? Acceptances,
    double? AcceptanceRate,
    double? MeanDailyChatUsers,
    long? Chats,
    double? MeanDailyAgentUsers,
    long? AgentUses);
