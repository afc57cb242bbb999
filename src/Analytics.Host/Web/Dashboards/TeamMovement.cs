namespace Analytics.Host.Web.Dashboards;

/// <summary>A team whose figure moved much between the previous period and this one.</summary>
public sealed record TeamMovement(string TeamId, string TeamName, string Metric, string From, string To, string Change, bool Better, double Size);
