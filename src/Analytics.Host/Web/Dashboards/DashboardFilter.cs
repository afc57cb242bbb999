using Analytics.Core.Metrics;

namespace Analytics.Host.Web.Dashboards;

/// <summary>
/// What a dashboard shows, as its URL says: a quarter (up to <see cref="Until"/>, exclusive, when it is still in
/// progress) and optionally one team.
/// </summary>
public sealed record DashboardFilter(Quarter Quarter, string? Team, DateOnly Until)
{
    /// <summary>Whether the quarter has days still to come.</summary>
    public bool InProgress => Until < Quarter.End;

    /// <summary>Days covered so far.</summary>
    public int DaysCovered => Until.DayNumber - Quarter.Start.DayNumber;

    /// <summary>The query string that keeps this filter on a link, with an optional extra pair.</summary>
    public string Query(string? key = null, string? value = null)
    {
        var pairs = new List<string> { "quarter=" + Uri.EscapeDataString(Quarter.ToString()) };
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
}
