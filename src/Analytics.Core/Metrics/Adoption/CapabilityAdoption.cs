namespace Analytics.Core.Metrics.Adoption;

/// <summary>Adoption of one platform capability at the end of a period, among services in production.</summary>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Capability">ci, deploys, observability, …</param>
/// <param name="ActiveServices">Services in production.</param>
/// <param name="AdoptedServices">Of those, using the capability.</param>
/// <param name="Share">From 0 to 1.</param>
public sealed record CapabilityAdoption(
    DateOnly PeriodStart,
    string Capability,
    long ActiveServices,
    long AdoptedServices,
    double Share);
