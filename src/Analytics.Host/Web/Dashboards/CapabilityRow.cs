using Analytics.Core.Metrics.Adoption;

namespace Analytics.Host.Web.Dashboards;

/// <summary>One platform capability's adoption at the end of each quarter the adoption page shows.</summary>
/// <param name="Capability">The capability, e.g. "observability".</param>
/// <param name="ByQuarter">Its adoption per quarter, oldest first; null where the quarter has no figure.</param>
public sealed record CapabilityRow(string Capability, IReadOnlyList<CapabilityAdoption?> ByQuarter);
