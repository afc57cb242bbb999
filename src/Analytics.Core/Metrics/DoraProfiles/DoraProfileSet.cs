namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>The profiles of a quarter's teams.</summary>
/// <param name="PeriodStart">First day of the quarter.</param>
/// <param name="TeamsStandardised">Teams whose inputs were standardised against each other.</param>
/// <param name="Note">Why no team has a profile this quarter (too few teams), or null.</param>
/// <param name="Teams">One row per team, with a profile or a reason.</param>
public sealed record DoraProfileSet(
    DateOnly PeriodStart,
    int TeamsStandardised,
    string? Note,
    IReadOnlyList<DoraProfile> Teams)
{
    /// <summary>No profiles: what a metric set that was not computed with them carries.</summary>
    public static readonly DoraProfileSet None = new(default, 0, null, []);
}
