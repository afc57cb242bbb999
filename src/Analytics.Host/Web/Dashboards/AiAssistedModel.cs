using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Ai;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The AI-assisted development dashboard over the four quarters to the filter's: seat adoption, organisation usage,
/// AI-assisted changes against the others, survey items, the filter quarter's editors and languages, and the
/// before/after comparison of adopting teams (the organisation's, whichever team is asked for).
/// </summary>
public sealed record AiAssistedModel(
    DashboardFilter Filter,
    IReadOnlyList<TeamName> Teams,
    IReadOnlyList<Quarter> Quarters,
    IReadOnlyList<AiAdoption?> Adoption,
    IReadOnlyList<AiUsage?> Usage,
    IReadOnlyList<AiAssistedDelivery?> Changes,
    IReadOnlyList<AiSurveyResult> Survey,
    IReadOnlyList<AiUsageByEditor> Editors,
    AiBeforeAfter BeforeAfter,
    int MinimumGroupSize)
{
    /// <summary>Whether no quarter shown has seats, usage or changes.</summary>
    public bool Empty => Adoption.All(a => a is null) && Usage.All(u => u is null) && Changes.All(c => c is null || c.Changes == 0);
}
