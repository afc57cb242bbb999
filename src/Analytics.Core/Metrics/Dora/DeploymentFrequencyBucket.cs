namespace Analytics.Core.Metrics.Dora;

/// <summary>DORA Quick Check's answer buckets for deployment frequency, from average deployments per day.</summary>
public static class DeploymentFrequencyBucket
{
    /// <summary>The bucket names, best first.</summary>
    public static readonly IReadOnlyList<string> Names = ["on demand", "daily to weekly", "weekly to monthly", "monthly to every 6 months", "fewer than every 6 months"];

    /// <summary>
    /// The bucket for a rate: at least one deployment per day on average is on demand; at least one per week,
    /// daily to weekly; at least one per month (30 days), weekly to monthly; at least one per 182 days, monthly
    /// to every six months; anything less, fewer.
    /// </summary>
    public static string Of(double deploysPerDay) => deploysPerDay switch
    {
        >= 1 => Names[0],
        >= 1.0 / 7 => Names[1],
        >= 1.0 / 30 => Names[2],
        >= 1.0 / 182 => Names[3],
        _ => Names[4],
    };
}
