namespace Analytics.Core.Metrics.Ai;

/// <summary>When a team adopted an assistant, and how Pulse knows.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="AdoptedOn">The adoption day, configured or the first day of the derived quarter; null when none.</param>
/// <param name="Basis">configured, derived (active ÷ licensed reached the threshold), or none.</param>
/// <param name="Status">adopted; future (a configured date after today: the team counts as not adopted yet); or not adopted.</param>
public sealed record TeamAdoption(string TeamId, DateOnly? AdoptedOn, string Basis, string Status)
{
    /// <summary>The status of a team that adopted on or before today.</summary>
    public const string Adopted = "adopted";

    /// <summary>The status of a team whose configured adoption date is after today.</summary>
    public const string Future = "future";

    /// <summary>The status of a team with no adoption date.</summary>
    public const string NotAdopted = "not adopted";

    /// <summary>The quarter of adoption, for a team that has adopted.</summary>
    public Quarter? AdoptedIn => Status == Adopted && AdoptedOn is { } day ? Quarter.Of(day) : null;
}
