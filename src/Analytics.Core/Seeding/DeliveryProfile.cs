namespace Analytics.Core.Seeding;

/// <summary>
/// How a team of a given DORA tier ships: the generator's knobs, set so that each tier lands near the published
/// cluster centres (deploy cadence, lead time, change failure rate, recovery time).
/// </summary>
internal sealed record DeliveryProfile(
    string Tier,
    double DeploysPerServiceDay,
    double PullRequestsPerDeploy,
    double CodingHours,
    double PickupHours,
    double ReviewHours,
    double WaitForDeployHours,
    double ChangeFailureRate,
    double RecoveryHours,
    double PipelineFailureRate,
    double RampUpDays,
    double Sentiment)
{
    public static readonly IReadOnlyList<(DeliveryProfile Item, double Weight)> Tiers =
    [
        (new("elite", 4.5, 1.3, 6, 1, 2, 0.5, 0.04, 0.6, 0.02, 7, 0.74), 0.20),
        (new("high", 1.6, 2.2, 12, 3, 5, 4, 0.10, 4, 0.04, 14, 0.66), 0.25),
        (new("medium", 0.55, 3.5, 24, 8, 16, 30, 0.15, 20, 0.06, 30, 0.56), 0.35),
        (new("low", 0.15, 7, 48, 24, 40, 120, 0.30, 96, 0.10, 60, 0.42), 0.20),
    ];
}
