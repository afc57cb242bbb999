namespace Analytics.Core.Metrics.Dora;

/// <summary>The bounds of one DORA performance level.</summary>
/// <param name="Level">elite, high, medium or low.</param>
/// <param name="Rank">4 for elite down to 1 for low.</param>
/// <param name="MinDeploysPerDay">Deployments per day needed.</param>
/// <param name="MaxLeadTimeHours">Median lead time must be below this.</param>
/// <param name="MaxChangeFailureRate">Change failure rate must not exceed this.</param>
/// <param name="MaxRecoveryHours">Median recovery must be below this.</param>
public sealed record DoraThreshold(
    string Level,
    int Rank,
    double MinDeploysPerDay,
    double MaxLeadTimeHours,
    double MaxChangeFailureRate,
    double MaxRecoveryHours);
