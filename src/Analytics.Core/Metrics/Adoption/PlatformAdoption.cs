namespace Analytics.Core.Metrics.Adoption;

/// <summary>
/// Services and teams on the platform at the end of a period. The shares count services in production only;
/// experimental services are counted apart, and deprecated ones not at all.
/// </summary>
/// <param name="Level">organisation or team.</param>
/// <param name="TeamId">The team.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="ActiveServices">Services in production.</param>
/// <param name="AdoptedServices">Of those, on the platform.</param>
/// <param name="ServiceShare">From 0 to 1; null when there is no service in production.</param>
/// <param name="ActiveTeams">Teams with a service in production.</param>
/// <param name="AdoptedTeams">Of those, with a service in production on the platform.</param>
/// <param name="TeamShare">From 0 to 1; null when no team has a service in production.</param>
/// <param name="ExperimentalServices">Experimental services, in no share.</param>
/// <param name="ExperimentalAdoptedServices">Of those, on the platform.</param>
public sealed record PlatformAdoption(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    long ActiveServices,
    long AdoptedServices,
    double? ServiceShare,
    long ActiveTeams,
    long AdoptedTeams,
    double? TeamShare,
    long ExperimentalServices,
    long ExperimentalAdoptedServices);
