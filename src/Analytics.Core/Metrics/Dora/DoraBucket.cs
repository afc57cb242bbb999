namespace Analytics.Core.Metrics.Dora;

/// <summary>One answer bucket of a DORA metric (2025 report on): a value is in it when LowerBound ≤ value &lt; UpperBound.</summary>
/// <param name="Metric">deployment_frequency, lead_time, recovery_time, change_failure_rate or rework_rate.</param>
/// <param name="Rank">1 for the best bucket.</param>
/// <param name="Label">The bucket in words, e.g. "between one day and one week".</param>
/// <param name="LowerBound">Inclusive lower bound.</param>
/// <param name="UpperBound">Exclusive upper bound.</param>
/// <param name="Unit">deploys_per_day, hours or share.</param>
/// <param name="Confirmed">Whether the boundary was checked against DORA's published text (see docs/metrics.md).</param>
public sealed record DoraBucket(
    string Metric,
    int Rank,
    string Label,
    double LowerBound,
    double UpperBound,
    string Unit,
    bool Confirmed);
