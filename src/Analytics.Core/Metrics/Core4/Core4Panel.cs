namespace Analytics.Core.Metrics.Core4;

/// <summary>The DX Core 4 of the organisation or one team, for a quarter, with the change from the previous quarter.</summary>
/// <param name="Level"><c>organisation</c> or <c>team</c>.</param>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="Speed">Merged pull requests per engineer per week.</param>
/// <param name="DevExIndex">Mean % favourable over the DevEx dimensions of the quarter's waves.</param>
/// <param name="DaysToTenthPullRequest">Median days from start to the 10th merged pull request, for the quarter's starters.</param>
/// <param name="ChangeFailureRate">Change failure rate, 0–1.</param>
/// <param name="NewCapabilityShare">Share of resolved work items on new capabilities (with the model when it is used), 0–1.</param>
/// <param name="NewCapabilityShareRulesOnly">The same share over the items the rules classified.</param>
/// <param name="Impact">The quarter's full split of work items, when there are any.</param>
public sealed record Core4Panel(
    string Level,
    string? TeamId,
    Core4Figure Speed,
    Core4Figure DevExIndex,
    Core4Figure DaysToTenthPullRequest,
    Core4Figure ChangeFailureRate,
    Core4Figure NewCapabilityShare,
    Core4Figure NewCapabilityShareRulesOnly,
    ImpactShares? Impact);
