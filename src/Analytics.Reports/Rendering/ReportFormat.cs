using System.Globalization;
using Analytics.Reports.Building;

namespace Analytics.Reports.Rendering;

/// <summary>The report's wording and number formats, shared by its components (text only: Razor encodes it).</summary>
internal static class ReportFormat
{
    public static string QuarterLabel(QuarterlyReport r) =>
        $"Q{r.Quarter.Number} {r.Quarter.Year} ({r.Quarter.Start:d MMM} – {r.Quarter.End.AddDays(-1):d MMM yyyy})";

    public static string InProgress(QuarterlyReport r, QuarterlyReport.InProgress progress)
    {
        var previous = r.Quarter.Previous;
        return string.Create(CultureInfo.InvariantCulture,
            $"Figures cover {r.Quarter.Start:d MMM} – {progress.Until.AddDays(-1):d MMM yyyy}, the first {progress.DaysElapsed} of the quarter's {progress.Days} days; rates are per day of that span, and every change compares it with the same days of Q{previous.Number} {previous.Year} ({previous.Start:d MMM} – {progress.PreviousUntil.AddDays(-1):d MMM}).");
    }

    /// <summary>A team report's coverage counts the team's own records, so it is headed with the team's name.</summary>
    public static string CoverageHeading(QuarterlyReport r) => r.TeamName is null ? "Data coverage" : $"Data coverage — {r.TeamName}";

    public static string Num(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    public static string Percent(double? share) => share is { } s ? (100 * s).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Change(double share) => (share >= 0 ? "+" : "−") + Math.Abs(100 * share).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A change with its sign (a true minus), for example "+0.74" or "−37"; "—" without one.</summary>
    public static string Signed(double? change, string format, string unit = "")
    {
        if (change is not { } c)
        {
            return "—";
        }

        // A change that rounds to nothing has no sign: "−0.00" would claim a fall.
        var magnitude = Math.Abs(c).ToString(format, CultureInfo.InvariantCulture);
        var sign = double.Parse(magnitude, CultureInfo.InvariantCulture) == 0 ? "" : c > 0 ? "+" : "−";
        return sign + magnitude + unit;
    }

    /// <summary>A change of a share (0–1) in percentage points, for example "+1.7 pts".</summary>
    public static string SharePoints(double? change) => Signed(change is { } c ? 100 * c : null, "0.0", " pts");

    public static string Day(DateTimeOffset? value) => value is { } v ? v.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "—";
}
