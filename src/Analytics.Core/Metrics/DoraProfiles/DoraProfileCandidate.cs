namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>
/// A team's raw inputs to profile assignment for one quarter. A team without delivery or survey inputs carries the
/// reason instead, and is left out of the standardisation.
/// </summary>
/// <param name="TeamId">The team.</param>
/// <param name="DeploysPerDay">Average production deployments per day.</param>
/// <param name="LeadTimeHours">Median lead time, when changes shipped.</param>
/// <param name="RecoveryHours">Median failed deployment recovery time, when something failed and recovered.</param>
/// <param name="ChangeFailureRate">Change failure rate.</param>
/// <param name="ReworkRate">Deployment rework rate.</param>
/// <param name="Survey">Mean (1–5) of each of <see cref="DoraProfileConstructs.SurveyDimensions"/>, in that order; null with a reason.</param>
/// <param name="Reason">Why the team cannot be profiled; null when it can.</param>
public sealed record DoraProfileCandidate(
    string TeamId,
    double DeploysPerDay,
    double? LeadTimeHours,
    double? RecoveryHours,
    double? ChangeFailureRate,
    double? ReworkRate,
    IReadOnlyList<double>? Survey,
    string? Reason);
