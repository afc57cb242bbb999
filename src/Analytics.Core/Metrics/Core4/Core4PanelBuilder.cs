using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Sentiment;

namespace Analytics.Core.Metrics.Core4;

/// <summary>Puts the Core 4 rows of a quarter and the previous quarter together into one panel per group.</summary>
public static class Core4PanelBuilder
{
    /// <summary>The DevEx framework's dimensions, whose % favourable the DevEx index averages.</summary>
    public static readonly IReadOnlyList<string> DevExDimensions = ["feedback_loops", "cognitive_load", "flow"];

    /// <summary>One panel for the organisation (unless <paramref name="teamRun"/>) and one for every team of the speed rows.</summary>
    public static IReadOnlyList<Core4Panel> Panels(
        Quarter quarter,
        bool teamRun,
        IReadOnlyList<PullRequestRate> speed,
        IReadOnlyList<TimeToTenthPullRequest> tenth,
        IReadOnlyList<ChangeFailureRate> failures,
        IReadOnlyList<DevExScore> devEx,
        IReadOnlyList<DevExScore> previousDevEx,
        IReadOnlyList<ImpactShares> impact,
        string? modelNote)
    {
        var now = quarter.Start;
        var before = quarter.Previous.Start;
        var groups = speed.Select(row => (row.Level, row.TeamId)).Distinct().Where(g => !teamRun || g.Level == "team");
        return groups.Select(g =>
        {
            bool Of(string level, string? team) => level == g.Level && team == g.TeamId;
            var speedNow = speed.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == now);
            var speedBefore = speed.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == before);
            var tenthNow = tenth.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.CohortStart == now);
            var tenthBefore = tenth.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.CohortStart == before);
            var failureNow = failures.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == now);
            var failureBefore = failures.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == before);
            var impactNow = impact.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == now);
            var impactBefore = impact.FirstOrDefault(r => Of(r.Level, r.TeamId) && r.PeriodStart == before);
            var devExNow = DevExIndex(devEx, g.Level, g.TeamId);
            return new Core4Panel(
                g.Level,
                g.TeamId,
                new Core4Figure(speedNow?.PerEngineerPerWeek, speedBefore?.PerEngineerPerWeek, speedNow?.Reason),
                new Core4Figure(devExNow, DevExIndex(previousDevEx, g.Level, g.TeamId), devExNow is null ? "no DevEx answers shown for this quarter" : null),
                new Core4Figure(tenthNow?.MedianDays, tenthBefore?.MedianDays, TenthReason(tenthNow)),
                new Core4Figure(failureNow?.Rate, failureBefore?.Rate, failureNow?.Rate is null ? "no production releases" : null),
                new Core4Figure(impactNow?.NewCapabilityShare, impactBefore?.NewCapabilityShare,
                    impactNow is null ? "no resolved work items" : impactNow.WithModel is null ? modelNote : null),
                new Core4Figure(Share(impactNow), Share(impactBefore), impactNow is not null && impactNow.RuleClassified == 0 ? "no work item matched a rule" : null),
                impactNow);
        }).ToList();
    }

    private static double? Share(ImpactShares? row) =>
        row is not null && row.RulesOnly.TryGetValue(WorkCategory.NewCapability, out var share) ? share : null;

    private static string? TenthReason(TimeToTenthPullRequest? row) => row switch
    {
        null => "no engineers started this quarter",
        { Suppressed: true } => $"fewer engineers reached their 10th pull request than the smallest group shown ({row.Reached} of {row.Starters} so far)",
        _ => null,
    };

    /// <summary>Mean % favourable over the shown DevEx-dimension rows of the group; null when there are none.</summary>
    private static double? DevExIndex(IReadOnlyList<DevExScore> scores, string level, string? team)
    {
        var shown = scores
            .Where(s => s.Level == level && s.TeamId == team && s.Item is null && !s.Suppressed && s.FavourablePercent is not null && DevExDimensions.Contains(s.Dimension))
            .Select(s => s.FavourablePercent!.Value)
            .ToList();
        return shown.Count == 0 ? null : shown.Average();
    }
}
