using Analytics.Core.Metrics.Dora;

namespace Analytics.Reports.Building;

/// <summary>
/// A report's monthly delivery series as the metrics service returned them, with the span of months that have data
/// coverage: what <see cref="MonthlySeriesCache"/> keeps for a closed quarter.
/// </summary>
/// <param name="Frequency">Deployment frequency by month.</param>
/// <param name="LeadTime">Lead time by month.</param>
/// <param name="Failures">Change failure rate by month.</param>
/// <param name="Recovery">Recovery time by month.</param>
/// <param name="FirstMonth">The first month with a production deployment of the scope; null = none.</param>
/// <param name="LastMonth">The last month with a production deployment of the organisation; null = none.</param>
public sealed record MonthlySeries(
    IReadOnlyList<DeploymentFrequency> Frequency,
    IReadOnlyList<LeadTime> LeadTime,
    IReadOnlyList<ChangeFailureRate> Failures,
    IReadOnlyList<RecoveryTime> Recovery,
    DateOnly? FirstMonth,
    DateOnly? LastMonth)
{
    /// <summary>Whether <paramref name="month"/> lies within the data's coverage.</summary>
    public bool Covers(DateOnly month) => FirstMonth is { } first && LastMonth is { } last && month >= first && month <= last;
}
