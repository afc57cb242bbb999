using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Adoption;
using Analytics.Core.Metrics.Support;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The adoption and onboarding dashboard over the four quarters to the filter's (or the quarters of its range): platform and capability adoption,
/// participatory adoption, time to first deploy by quarterly cohort, support load and the self-service candidates of
/// the filter's quarter. Participation and support have no team scope: a team's page shows them as the organisation's.
/// </summary>
public sealed record AdoptionModel(
    DashboardFilter Filter,
    IReadOnlyList<TeamName> Teams,
    IReadOnlyList<Quarter> Quarters,
    IReadOnlyList<PlatformAdoption?> Platform,
    IReadOnlyList<CapabilityRow> Capabilities,
    IReadOnlyList<ParticipatoryAdoption?> Participation,
    IReadOnlyList<OnboardingCohort> Cohorts,
    IReadOnlyList<SupportLoad?> Support,
    IReadOnlyList<SupportCategory> Candidates,
    int MinimumGroupSize)
{
    /// <summary>Whether no quarter shown has any adoption, onboarding or support figure.</summary>
    public bool Empty => Platform.All(p => p is null || p.ActiveServices == 0) && Cohorts.Count == 0 && Support.All(s => s is null || s.Requests == 0);
}
