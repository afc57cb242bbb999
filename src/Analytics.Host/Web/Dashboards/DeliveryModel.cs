using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Surveys;

namespace Analytics.Host.Web.Dashboards;

/// <summary>The delivery dashboard: the DORA figures per team, or per service of one team, sorted as asked, with the teams' DORA 2025 buckets and profiles.</summary>
public sealed record DeliveryModel(DashboardFilter Filter, IReadOnlyList<TeamName> Teams, IReadOnlyList<DeliveryRow> Rows, string Sort, bool Descending,
    IReadOnlyList<DoraBuckets> Buckets, DoraProfileSet Profiles, IReadOnlyList<string> UnconfirmedBuckets);
