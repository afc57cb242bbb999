namespace Analytics.Host.Web.Dashboards;

/// <summary>How far one stream of a source has read: the next sync asks for what came after <paramref name="Watermark"/>.</summary>
public sealed record WatermarkRow(string Source, string Stream, string Watermark, DateTimeOffset UpdatedAt);
