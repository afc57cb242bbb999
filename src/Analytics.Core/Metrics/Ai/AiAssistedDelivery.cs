namespace Analytics.Core.Metrics.Ai;

/// <summary>AI-assisted changes and how they ship next to the others (<c>queries/metrics/ai_assisted_changes.sql</c>).</summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team, on team rows.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Changes">Top-level changes merged in the period.</param>
/// <param name="AiAssistedChanges">Of those, changes the rule marks AI-assisted.</param>
/// <param name="AiAssistedShare">AiAssistedChanges ÷ Changes, 0 to 1.</param>
/// <param name="AiAssistedShipped">AI-assisted changes a production release shipped in the period.</param>
/// <param name="AiAssistedMedianLeadHours">Their median lead time, hours.</param>
/// <param name="AiAssistedFailureRate">The share of them whose release failed.</param>
/// <param name="OtherShipped">Other changes shipped in the period.</param>
/// <param name="OtherMedianLeadHours">Their median lead time, hours.</param>
/// <param name="OtherFailureRate">The share of them whose release failed.</param>
public sealed record AiAssistedDelivery(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    long Changes,
    long AiAssistedChanges,
    double? AiAssistedShare,
    long AiAssistedShipped,
    double? AiAssistedMedianLeadHours,
    double? AiAssistedFailureRate,
    long OtherShipped,
    double? OtherMedianLeadHours,
    double? OtherFailureRate);
