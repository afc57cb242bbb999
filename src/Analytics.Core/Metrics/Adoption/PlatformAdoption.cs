namespace Analytics.Core.Metrics.Adoption;

/// <summary>Services and teams on the platform at the end of a period.</summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="ActiveServices">Services in production.</param>
/// <param name="AdoptedServices">Of those, on the platform.</param>
/// <param name="ServiceShare">From 0 to 1.</param>
/// <param name="ActiveTeams">Teams with an active service.</param>
/// <param name="AdoptedTeams">Of those, with a service on the platform.</param>
/// <param name="TeamShare">From 0 to 1.</param>
public sealed record PlatformAdoption(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    long ActiveServices,
    long AdoptedServices,
    double ServiceShare,
    long ActiveTeams,
    long AdoptedTeams,
    double TeamShare);
