using Analytics.Core.Metrics.Ai;

namespace Analytics.Core.Metrics;

/// <summary>How metrics are computed (configuration section <c>Pulse:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Pulse:Metrics";

    /// <summary>The smallest k allowed: groups smaller than this are never reported.</summary>
    public const int SmallestGroupSize = 3;

    /// <summary>IANA time zone in which days, weeks, months and quarters are cut.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Survey groups with fewer respondents are suppressed (k). Default 5, never below 3.</summary>
    public int MinimumGroupSize { get; set; } = 5;

    /// <summary>A rollback or hotfix this many hours after a deployment marks that deployment as failed.</summary>
    public int RemediationWindowHours { get; set; } = 24;

    /// <summary>Attribute an unlinked incident to the latest deployment of its service before it opened.</summary>
    public bool InferIncidentLinks { get; set; } = true;

    /// <summary>How far back, in hours, an inferred link may reach.</summary>
    public int InferenceWindowHours { get; set; } = 24;

    /// <summary>
    /// Environment names that mean production, whatever their case (default production, prod, live). Every source's
    /// deployments are normalised to <c>production</c> when their environment is one of these.
    /// </summary>
    public string[]? ProductionEnvironments { get; set; }

    /// <summary>A change is linked by time only to a release that started within this many days after its merge.</summary>
    public int LinkWindowDays { get; set; } = 30;

    /// <summary>
    /// Which DORA report to measure against: 2025 (the default) places each metric in the report's buckets and teams
    /// in its profiles, beside the 2023 levels; 2023 shows the levels only. Checked against the stored years at start.
    /// </summary>
    public int DoraReportYear { get; set; } = 2025;

    /// <summary>When a change counts as AI-assisted and a team as having adopted an assistant (<c>Pulse:Metrics:AiAssisted</c>).</summary>
    public AiAssistedOptions AiAssisted { get; set; } = new();

    /// <summary>Throws with a message naming the problem when a setting is out of range.</summary>
    public void Validate()
    {
        AiAssisted.Validate();

        if (MinimumGroupSize < SmallestGroupSize)
        {
            throw new ArgumentException($"Pulse:Metrics:MinimumGroupSize must be at least {SmallestGroupSize} (got {MinimumGroupSize}).");
        }

        if (RemediationWindowHours <= 0 || InferenceWindowHours <= 0)
        {
            throw new ArgumentException("Pulse:Metrics windows must be positive numbers of hours.");
        }

        if (LinkWindowDays <= 0)
        {
            throw new ArgumentException($"Pulse:Metrics:LinkWindowDays must be a positive number of days (got {LinkWindowDays}).");
        }

        if (ProductionEnvironments is { } names && names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Pulse:Metrics:ProductionEnvironments has an empty name; list environment names such as production, prod, live.");
        }

        _ = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
    }

    /// <summary>The production environment names, trimmed, lower case, sorted, always including <c>production</c>.</summary>
    public IReadOnlyList<string> ProductionEnvironmentNames() =>
        (ProductionEnvironments ?? ["production", "prod", "live"])
            .Select(name => name.Trim().ToLowerInvariant())
            .Append("production")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
