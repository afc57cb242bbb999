using Analytics.Core.Metrics.Ai;

namespace Analytics.Reports.Building;

/// <summary>The report's AI-assisted development section, for the organisation or one team.</summary>
/// <param name="Adoption">The scope's seat adoption this quarter; suppressed for a team under k seats; null without seats.</param>
/// <param name="PreviousAdoption">The same last quarter.</param>
/// <param name="TeamsAtThreshold">Organisation report: teams shown whose active ÷ licensed seats reached the adoption threshold this quarter.</param>
/// <param name="TeamsBelowThreshold">Organisation report: teams shown below it.</param>
/// <param name="TeamsHidden">Organisation report: teams with seats whose adoption is withheld (fewer than k licensed seats).</param>
/// <param name="Changes">The scope's AI-assisted changes against the others this quarter; null without merged changes.</param>
/// <param name="PreviousChanges">The same last quarter.</param>
/// <param name="Survey">The scope's answers to the assistant survey items, per wave opened this quarter (suppressed rows included).</param>
/// <param name="BeforeAfter">The organisation's before/after comparison of adopting teams with teams not adopted yet.</param>
/// <param name="TeamNames">Team id → name, for the adoption dates.</param>
/// <param name="TeamAdoption">Team report: when the team adopted, or that it has not; null in the organisation report.</param>
/// <param name="AdoptionThreshold">The share of active seats at which a team counts as adopted.</param>
/// <param name="MinimumGroupSize">k.</param>
public sealed record AiFigures(
    AiAdoption? Adoption,
    AiAdoption? PreviousAdoption,
    int TeamsAtThreshold,
    int TeamsBelowThreshold,
    int TeamsHidden,
    AiAssistedDelivery? Changes,
    AiAssistedDelivery? PreviousChanges,
    IReadOnlyList<AiSurveyResult> Survey,
    AiBeforeAfter BeforeAfter,
    IReadOnlyDictionary<string, string> TeamNames,
    TeamAdoption? TeamAdoption,
    double AdoptionThreshold,
    int MinimumGroupSize);
