using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Core.Metrics.Onboarding;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Metrics.Support;

namespace Analytics.Core.Metrics;

/// <summary>
/// The full metric set of one quarter (or of a date range: <see cref="Range"/>), for the organisation and (or only)
/// one team.
/// </summary>
public sealed record QuarterlyMetrics(
    Quarter Quarter,
    string? Team,
    IReadOnlyList<DeploymentFrequency> DeploymentFrequency,
    IReadOnlyList<LeadTime> LeadTime,
    IReadOnlyList<ChangeFailureRate> ChangeFailureRate,
    IReadOnlyList<RecoveryTime> RecoveryTime,
    IReadOnlyList<ReworkRate> ReworkRate,
    IReadOnlyList<DoraLevel> DoraLevels,
    IReadOnlyList<LeadTimeStages> LeadTimeStages,
    IReadOnlyList<NpsResult> Nps,
    IReadOnlyList<DevExScore> DevExScores,
    IReadOnlyList<ResponseRate> ResponseRates,
    IReadOnlyList<PlatformAdoption> Adoption,
    IReadOnlyList<CapabilityAdoption> CapabilityAdoption,
    IReadOnlyList<WeeklyActivity> WeeklyActivity,
    IReadOnlyList<Retention> Retention,
    IReadOnlyList<ParticipatoryAdoption> ParticipatoryAdoption,
    IReadOnlyList<TimeToFirstDeploy> TimeToFirstDeploy,
    IReadOnlyList<SupportLoad> SupportLoad,
    IReadOnlyList<SupportCategory> SupportCategories,
    MetricsQuery? Range = null)
{
    /// <summary>Each team's DORA 2025 bucket per metric (empty when the report year has none).</summary>
    public IReadOnlyList<DoraBuckets> DoraBuckets { get; init; } = [];

    /// <summary>The metrics whose DORA 2025 buckets are not all confirmed from the report's text (<see cref="Dora.DoraBucketCalculator.Unconfirmed"/>).</summary>
    public IReadOnlyList<string> UnconfirmedDoraBuckets { get; init; } = [];

    /// <summary>The teams' DORA 2025 profiles.</summary>
    public DoraProfileSet DoraProfiles { get; init; } = DoraProfileSet.None;
}
