using System.Globalization;
using Analytics.Core.Metrics;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// What a dashboard shows, as its URL says: a quarter (up to <see cref="Until"/>, exclusive, when it is still in
/// progress) or a date range from <see cref="RangeStart"/> to <see cref="Until"/> (exclusive), and optionally one team.
/// </summary>
/// <param name="Quarter">The quarter shown; for a range, the quarter it starts in.</param>
/// <param name="Team">The team, or null for the organisation.</param>
/// <param name="Until">The day after the last one covered.</param>
/// <param name="RangeStart">The first day of a date range; null when a quarter is shown.</param>
public sealed record DashboardFilter(Quarter Quarter, string? Team, DateOnly Until, DateOnly? RangeStart = null)
{
    /// <summary>Whether a date range is shown rather than a quarter.</summary>
    public bool IsRange => RangeStart is not null;

    /// <summary>The first day covered.</summary>
    public DateOnly From => RangeStart ?? Quarter.Start;

    /// <summary>Whether the quarter has days still to come (a range never has).</summary>
    public bool InProgress => !IsRange && Until < Quarter.End;

    /// <summary>Days covered so far.</summary>
    public int DaysCovered => Until.DayNumber - From.DayNumber;

    /// <summary>The period in words for titles and sentences: "2026-Q3", or "2026-05-01 to 2026-08-31".</summary>
    public string Label => IsRange ? $"{Day(From)} to {Day(Until.AddDays(-1))}" : Quarter.ToString();

    /// <summary>The period after a verb: "in 2026-Q3", or "from 2026-05-01 to 2026-08-31".</summary>
    public string During => IsRange ? $"from {Label}" : $"in {Label}";

    /// <summary>Where the period ends, after "to": "2026-Q3", or "2026-08-31".</summary>
    public string EndLabel => IsRange ? Day(Until.AddDays(-1)) : Quarter.ToString();

    /// <summary>The period for file names: "2026-Q3", or "2026-05-01_2026-08-31".</summary>
    public string FileLabel => IsRange ? $"{Day(From)}_{Day(Until.AddDays(-1))}" : Quarter.ToString();

    /// <summary>
    /// The period to compare with: the quarter before (its same first days while this one is in progress), or the
    /// as many days just before a range.
    /// </summary>
    public DashboardFilter Before
    {
        get
        {
            if (IsRange)
            {
                var start = From.AddDays(-DaysCovered);
                return new DashboardFilter(Quarter.Of(start), Team, From, start);
            }

            var previous = Quarter.Previous;
            var until = InProgress ? previous.Start.AddDays(DaysCovered) : previous.End;
            return new DashboardFilter(previous, Team, until < previous.End ? until : previous.End);
        }
    }

    /// <summary>The query string that keeps this filter on a link, with an optional extra pair.</summary>
    public string Query(string? key = null, string? value = null)
    {
        var pairs = IsRange
            ? new List<string> { "from=" + Day(From), "to=" + Day(Until.AddDays(-1)) }
            : ["quarter=" + Uri.EscapeDataString(Quarter.ToString())];
        if (Team is not null)
        {
            pairs.Add("team=" + Uri.EscapeDataString(Team));
        }

        if (key is not null && value is not null)
        {
            pairs.Add(key + "=" + Uri.EscapeDataString(value));
        }

        return "?" + string.Join('&', pairs);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
