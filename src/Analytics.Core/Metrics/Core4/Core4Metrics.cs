using Analytics.Core.Metrics.Core4.Classification;

namespace Analytics.Core.Metrics.Core4;

/// <summary>DX Core 4 (speed, effectiveness, quality, impact) for a quarter, per team and for the organisation.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Team">The team of a team run; null for the organisation and every team.</param>
/// <param name="Panels">One panel for the organisation (not in a team run) and one per team.</param>
/// <param name="PullRequestRates">Speed rows of this quarter and the previous one.</param>
/// <param name="TimeToTenthPullRequest">Onboarding rows of the cohorts of this quarter and the previous one.</param>
/// <param name="Impact">Impact rows of this quarter and the previous one.</param>
/// <param name="Model">Whether the work-item text model was used, and its cross-validated accuracy.</param>
public sealed record Core4Metrics(
    Quarter Quarter,
    string? Team,
    IReadOnlyList<Core4Panel> Panels,
    IReadOnlyList<PullRequestRate> PullRequestRates,
    IReadOnlyList<TimeToTenthPullRequest> TimeToTenthPullRequest,
    IReadOnlyList<ImpactShares> Impact,
    WorkItemModelStatus Model);
