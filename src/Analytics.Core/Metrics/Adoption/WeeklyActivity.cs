namespace Analytics.Core.Metrics.Adoption;

/// <summary>Teams and engineers deploying through the platform in a week.</summary>
/// <param name="WeekStart">Monday of the week.</param>
/// <param name="ActiveTeams">Teams that deployed.</param>
/// <param name="ActiveEngineers">Engineers who deployed.</param>
/// <param name="Deployments">Deployments through the platform.</param>
public sealed record WeeklyActivity(
    DateOnly WeekStart,
    long ActiveTeams,
    long ActiveEngineers,
    long Deployments);
