namespace Analytics.Core.Metrics.Dora;

/// <summary>Places each of a team's five DORA metrics in its bucket of the configured report year.</summary>
public static class DoraBucketCalculator
{
    /// <summary>The metric names the buckets use.</summary>
    public static readonly IReadOnlyList<string> Metrics = ["deployment_frequency", "lead_time", "recovery_time", "change_failure_rate", "rework_rate"];

    /// <summary>The metrics (in <see cref="Metrics"/> order) that have a bucket not confirmed from the report's own text.</summary>
    public static IReadOnlyList<string> Unconfirmed(IReadOnlyList<DoraBucket> buckets) =>
        [.. Metrics.Where(metric => buckets.Any(b => b.Metric == metric && !b.Confirmed))];

    /// <summary>
    /// The sentence every output prints beside the buckets when some of them are Pulse's own bands (so nobody takes
    /// them for the report's); null when every bucket is confirmed.
    /// </summary>
    public static string? UnconfirmedNote(IReadOnlyList<string> unconfirmed) => unconfirmed.Count == 0
        ? null
        : $"Not confirmed from the DORA report's own text, so Pulse's reading until replaced: the bands of {string.Join(", ", unconfirmed.Select(Name))}.";

    private static string Name(string metric) => metric switch
    {
        "deployment_frequency" => "deployment frequency",
        "lead_time" => "lead time",
        "recovery_time" => "recovery time",
        "change_failure_rate" => "change failure rate",
        _ => "rework rate",
    };

    /// <summary>The bucket of <paramref name="metric"/> that holds <paramref name="value"/> (lower bound inclusive, upper exclusive); null without a value or buckets.</summary>
    public static DoraBucket? Of(IReadOnlyList<DoraBucket> buckets, string metric, double? value) =>
        value is { } v ? buckets.FirstOrDefault(b => b.Metric == metric && v >= b.LowerBound && v < b.UpperBound) : null;

    /// <summary>The buckets of every organisation and team row of the levels (which carry the four key values) and the rework rates.</summary>
    public static IReadOnlyList<DoraBuckets> Assign(IReadOnlyList<DoraBucket> buckets, IReadOnlyList<DoraLevel> levels, IReadOnlyList<ReworkRate> rework)
    {
        if (buckets.Count == 0)
        {
            return [];
        }

        return levels
            .Select(level =>
            {
                var reworked = rework.FirstOrDefault(r => r.Level != "service" && r.TeamId == level.TeamId && r.PeriodStart == level.PeriodStart && (r.Level == "team") == (level.TeamId is not null));
                return new DoraBuckets(
                    level.TeamId,
                    level.PeriodStart,
                    Of(buckets, "deployment_frequency", level.DeploysPerDay)?.Label,
                    Of(buckets, "lead_time", level.LeadTimeHours)?.Label,
                    Of(buckets, "recovery_time", level.RecoveryHours)?.Label,
                    Of(buckets, "change_failure_rate", level.ChangeFailureRate)?.Label,
                    Of(buckets, "rework_rate", reworked is { Deployments: > 0 } ? reworked.Rate : null)?.Label);
            })
            .ToList();
    }
}
