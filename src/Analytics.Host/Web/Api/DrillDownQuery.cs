using Microsoft.AspNetCore.Mvc;

namespace Analytics.Host.Web.Api;

/// <summary>
/// What a drill-down list is asked for in its query string: a quarter or a range of days [from, to), optionally one
/// of the team's services, and the page.
/// </summary>
/// <remarks>
/// Properties rather than a positional record: the request delegate generator writes a positional record's
/// constructor as <c>typeof(string?)</c>, which does not compile.
/// </remarks>
internal sealed class DrillDownQuery
{
    /// <summary>The quarter, like 2026-Q3; not with a range.</summary>
    [FromQuery(Name = "quarter")]
    public string? Quarter { get; init; }

    /// <summary>The range's first day, like 2026-05-01.</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>The day after the range's last day (exclusive), today at the latest.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>One of the team's services, to list only its records.</summary>
    [FromQuery(Name = "service")]
    public string? Service { get; init; }

    /// <summary>The page, from 1 (default).</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }
}
