using Analytics.Core.Metrics.Ai;

namespace Analytics.Host.Web.Api;

/// <summary>A quarter's AI assistant adoption and usage.</summary>
/// <param name="Quarter">The quarter, for example 2026-Q3.</param>
/// <param name="Team">The team asked for, or null for the organisation and every team.</param>
/// <param name="Adoption">Active ÷ licensed seats, organisation and teams (teams under k seats suppressed).</param>
/// <param name="Usage">Each assistant's organisation-wide usage (organisation runs only).</param>
/// <param name="ByEditor">Suggestions by editor and language (organisation runs only; breakdowns under k engaged users suppressed).</param>
/// <param name="Changes">The share of AI-assisted changes and their lead time and failure rate against other changes.</param>
/// <param name="Survey">The survey items on time saved and trust, of waves opening in the quarter.</param>
internal sealed record AiAdoptionResponse(
    string Quarter,
    string? Team,
    IReadOnlyList<AiAdoption> Adoption,
    IReadOnlyList<AiUsage> Usage,
    IReadOnlyList<AiUsageByEditor> ByEditor,
    IReadOnlyList<AiAssistedDelivery> Changes,
    IReadOnlyList<AiSurveyResult> Survey);
