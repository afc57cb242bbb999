namespace Analytics.Reports;

/// <summary>Settings of the quarterly report, section <c>Pulse:Reports</c>.</summary>
public sealed class ReportOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pulse:Reports";

    /// <summary>The organisation's name on the cover.</summary>
    public string Organisation { get; set; } = "Acme";

    /// <summary>The report definition (YAML) to use; relative paths are looked up in <c>reports/</c> next to the executable.</summary>
    public string Definition { get; set; } = "quarterly.yaml";

    /// <summary>The font family the charts are drawn in: the report page's font, installed on the machine (Debian: fonts-dejavu-core).</summary>
    public string ChartFont { get; set; } = "DejaVu Sans";

    /// <summary>A font file (TTF/OTF) to load as <see cref="ChartFont"/> when it is not installed; empty = use the installed fonts.</summary>
    public string? ChartFontFile { get; set; }

    /// <summary>Chromium, which prints the PDF; empty = look for chromium, chromium-browser, google-chrome.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>Where the scheduled job writes reports.</summary>
    public string OutputFolder { get; set; } = "./data/reports";

    /// <summary>
    /// When the scheduled job makes the previous quarter's report: a cron expression in UTC (Hangfire's five fields,
    /// <c>minute hour day-of-month month day-of-week</c>); empty = never. By default 06:00 on the first day of each quarter.
    /// </summary>
    public string? Cron { get; set; } = "0 6 1 1,4,7,10 *";

    /// <summary>Longest time Chromium may take to print.</summary>
    public TimeSpan PrintTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
