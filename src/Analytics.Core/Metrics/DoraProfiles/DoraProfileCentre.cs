namespace Analytics.Core.Metrics.DoraProfiles;

/// <summary>A DORA team profile and its centre in standard scores of the eight profile constructs.</summary>
/// <param name="Profile">Its key, e.g. harmonious_high_achievers.</param>
/// <param name="Rank">Its number in the report, 1 to 7.</param>
/// <param name="Name">Its name in words.</param>
/// <param name="Throughput">Delivery throughput (higher is better).</param>
/// <param name="Instability">Delivery instability (higher is worse).</param>
/// <param name="TeamPerformance">Team performance.</param>
/// <param name="ProductPerformance">Product performance.</param>
/// <param name="IndividualEffectiveness">Individual effectiveness.</param>
/// <param name="ValuableWork">Time on valuable work.</param>
/// <param name="Friction">Friction (higher is worse).</param>
/// <param name="Burnout">Burnout (higher is worse).</param>
public sealed record DoraProfileCentre(
    string Profile,
    int Rank,
    string Name,
    double Throughput,
    double Instability,
    double TeamPerformance,
    double ProductPerformance,
    double IndividualEffectiveness,
    double ValuableWork,
    double Friction,
    double Burnout)
{
    /// <summary>The centre as a vector in <see cref="DoraProfileConstructs.All"/> order.</summary>
    public IReadOnlyList<double> Vector() =>
        [Throughput, Instability, TeamPerformance, ProductPerformance, IndividualEffectiveness, ValuableWork, Friction, Burnout];
}
