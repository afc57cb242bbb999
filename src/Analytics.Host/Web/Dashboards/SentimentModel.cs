using Analytics.Core.Metrics.Sentiment;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// The sentiment dashboard: the waves that opened in the period with NPS, response rates and DevEx scores, for the
/// organisation and each team, exactly as <see cref="Analytics.Core.Metrics.MetricsService"/> returns them (so a
/// suppressed group has no figure).
/// </summary>
public sealed record SentimentModel(
    DashboardFilter Filter,
    IReadOnlyList<TeamName> Teams,
    IReadOnlyList<NpsResult> Nps,
    IReadOnlyList<ResponseRate> ResponseRates,
    IReadOnlyList<DevExScore> DevExScores,
    int MinimumGroupSize)
{
    /// <summary>Why a suppressed group shows no figure.</summary>
    public string Hidden => $"Hidden: fewer than {MinimumGroupSize} people answered, or showing it would reveal a smaller group.";

    /// <summary>The name of a row's group: the organisation, or the team's name.</summary>
    public string GroupName(string level, string? teamId) =>
        level == "organisation" ? "Whole organisation" : Teams.FirstOrDefault(t => t.TeamId == teamId)?.Name ?? teamId ?? "";
}
