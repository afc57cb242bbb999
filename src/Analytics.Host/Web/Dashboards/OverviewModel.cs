using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The overview dashboard: headline figures against the period before, and the teams that moved most.</summary>
public sealed record OverviewModel(DashboardFilter Filter, IReadOnlyList<TeamName> Teams, string? DoraLevel, IReadOnlyList<Headline> Headlines, IReadOnlyList<TeamMovement> Movers, string? Empty);
