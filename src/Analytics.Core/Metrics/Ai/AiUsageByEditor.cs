namespace Analytics.Core.Metrics.Ai;

/// <summary>Code suggestions by editor and language in a period (<c>queries/metrics/ai_usage_by_editor.sql</c>).</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Assistant">The assistant.</param>
/// <param name="Editor">The editor, or <c>all</c> for a language's total.</param>
/// <param name="Language">The language, or <c>all</c> for an editor's total.</param>
/// <param name="Suppressed">The busiest day had fewer than k engaged users: the figures are withheld.</param>
/// <param name="PeakEngagedUsers">The busiest day's engaged users.</param>
/// <param name="Suggestions">Suggestions shown.</param>
/// <param name="Acceptances">Suggestions accepted.</param>
/// <param name="AcceptanceRate">Acceptances ÷ Suggestions.</param>
public sealed record AiUsageByEditor(
    DateOnly PeriodStart, string Assistant, string Editor, string Language, bool Suppressed, long? PeakEngagedUsers, long? Suggestions, long? Acceptances, double? AcceptanceRate);
