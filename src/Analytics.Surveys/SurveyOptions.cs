using System.ComponentModel.DataAnnotations;

namespace Analytics.Surveys;

/// <summary>Settings of the survey web app, section <c>Pulse:Surveys</c>.</summary>
public sealed class SurveyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pulse:Surveys";

    /// <summary>Most responses committed in one transaction by the writer; 1 commits each on its own.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Submissions accepted per minute before 429: per personal link, and per client address on open links.</summary>
    [Range(1, 1_000_000)]
    public int SubmissionsPerMinutePerClient { get; set; } = 120;

    /// <summary>In-the-moment ratings accepted per client address per minute before 429.</summary>
    [Range(1, 1_000_000)]
    public int RatingsPerMinutePerClient { get; set; } = 20;

    /// <summary>How long a per-engineer link stays valid after it is made, at most until its wave closes.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The address developers reach the service at, for full links in exports; empty = the address the admin used.</summary>
    public string? PublicBaseUrl { get; set; }
}
