namespace Analytics.Core.Metrics.Dora;

/// <summary>Places a team's four key metrics in the DORA performance bands of a report year.</summary>
public static class DoraLevelCalculator
{
    /// <summary>The levels of every organisation and team row of a period's results.</summary>
    public static IReadOnlyList<DoraLevel> Levels(
        IReadOnlyList<DoraThreshold> thresholds,
        IReadOnlyList<DeploymentFrequency> frequency,
        IReadOnlyList<LeadTime> leadTime,
        IReadOnlyList<ChangeFailureRate> failures,
        IReadOnlyList<RecoveryTime> recovery)
    {
        if (thresholds.Count == 0)
        {
            throw new InvalidOperationException("No DORA thresholds are stored for the configured report year (Pulse:Metrics:DoraReportYear).");
        }

        var bands = thresholds.OrderByDescending(t => t.Rank).ToList();
        return frequency
            .Where(f => f.Level is "organisation" or "team")
            .Select(f =>
            {
                var lead = leadTime.FirstOrDefault(l => Same(l.Level, l.TeamId, l.PeriodStart, f))?.MedianHours;
                var cfr = failures.FirstOrDefault(c => Same(c.Level, c.TeamId, c.PeriodStart, f)) is { Deployments: > 0 } c ? c.Rate : (double?)null;
                var recovered = recovery.FirstOrDefault(r => Same(r.Level, r.TeamId, r.PeriodStart, f))?.MedianHours;
                var perDay = f.Days > 0 ? f.Deployments / (double)f.Days : 0;
                var levels = new[]
                {
                    bands.First(b => perDay >= b.MinDeploysPerDay),
                    lead is { } l ? bands.First(b => l < b.MaxLeadTimeHours) : null,
                    cfr is { } r ? bands.First(b => r <= b.MaxChangeFailureRate) : null,
                    recovered is { } h ? bands.First(b => h < b.MaxRecoveryHours) : null,
                };
                var ranks = levels.OfType<DoraThreshold>().Select(b => b.Rank).ToList();
                var overallRank = (int)Math.Floor(ranks.Average());
                return new DoraLevel(f.TeamId, f.PeriodStart, perDay, lead, cfr, recovered,
                    levels[0]!.Level, levels[1]?.Level, levels[2]?.Level, levels[3]?.Level,
                    bands.First(b => b.Rank <= overallRank).Level);
            })
            .ToList();
    }

    private static bool Same(string level, string? team, DateOnly period, DeploymentFrequency row) =>
        level == row.Level && team == row.TeamId && period == row.PeriodStart;
}
