namespace Analytics.Core.Metrics.Core4;

/// <summary>DX Core 4 speed: merged pull requests per engineer per week, for the organisation or a team, in a period.</summary>
/// <param name="Level"><c>organisation</c> or <c>team</c>.</param>
/// <param name="TeamId">The team; null for the organisation.</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="Engineers">Engineers of the HR data employed on any day of the period.</param>
/// <param name="EngineerDays">Days of the period those engineers were employed, added up.</param>
/// <param name="MergedPullRequests">Pull and merge requests merged in the period by those engineers.</param>
/// <param name="UnattributedPullRequests">Merged by authors the HR data does not list (organisation row only).</param>
/// <param name="PerEngineerPerWeek">Merged ÷ (engineer-days ÷ 7); null when the group has no engineers.</param>
public sealed record PullRequestRate(
    string Level,
    string? TeamId,
    DateOnly PeriodStart,
    long Engineers,
    long EngineerDays,
    long MergedPullRequests,
    long UnattributedPullRequests,
    double? PerEngineerPerWeek)
{
    /// <summary>Why there is no rate; null when there is one.</summary>
    public string? Reason => PerEngineerPerWeek is null ? "no engineers: the HR data lists nobody in this team during the period" : null;
}
