namespace Analytics.Core.Metrics.Ai;

/// <summary>DORA measures before and after teams adopted an assistant, against teams that had not yet.</summary>
/// <param name="LastCompleteQuarter">The newest quarter used (the last one that has ended).</param>
/// <param name="WindowQuarters">Quarters compared on each side of the adoption quarter.</param>
/// <param name="Teams">Every team's adoption.</param>
/// <param name="Measures">One estimate per measure.</param>
public sealed record AiBeforeAfter(Quarter LastCompleteQuarter, int WindowQuarters, IReadOnlyList<TeamAdoption> Teams, IReadOnlyList<BeforeAfterEstimate> Measures);
