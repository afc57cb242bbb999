namespace Analytics.Core.Metrics.Ai;

/// <summary>The before/after estimate of a DORA measure for adopting teams against teams not adopted yet.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="AdoptingTeams">Adopting teams with data on both sides and at least one comparison team.</param>
/// <param name="ComparisonTeams">Distinct not-yet-adopted teams used in any comparison.</param>
/// <param name="Estimate">Mean of the teams' effects, in the measure's unit; null when no team could be compared.</param>
/// <param name="Low">Lower bound of the 95% bootstrap interval; null when too few teams for one.</param>
/// <param name="High">Upper bound of the interval.</param>
/// <param name="Verdict">In plain words: "no measurable change" when the interval spans zero.</param>
/// <param name="Teams">Each adopting team's effect.</param>
public sealed record BeforeAfterEstimate(
    DoraMeasure Measure, int AdoptingTeams, int ComparisonTeams, double? Estimate, double? Low, double? High, string Verdict, IReadOnlyList<TeamEffect> Teams);
