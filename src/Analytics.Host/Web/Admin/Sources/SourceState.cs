using Analytics.Ingestion.Import;

namespace Analytics.Host.Web.Admin.Sources;

/// <summary>One API source as the sources page lists it.</summary>
/// <param name="Name">The source's name, for example <c>github</c>.</param>
/// <param name="Pulls">What it pulls.</param>
/// <param name="Schedule">Its cron expression (UTC), or null when it is not scheduled.</param>
/// <param name="LastRun">Its latest run, or null when it never ran.</param>
/// <param name="MissingSetting">Why it cannot run with the configuration it has, or null when it can.</param>
public sealed record SourceState(string Name, string Pulls, string? Schedule, IngestionRun? LastRun, string? MissingSetting);
