using Microsoft.AspNetCore.Mvc;

namespace Analytics.Host.Web.Api;

/// <summary>
/// What a drill-down list is asked for in its query string: a quarter or a range of days [from, to), optionally one
/// of the team's services, and the page.
/// </summary>
/// <param name="Quarter">The quarter, like 2026-Q3; not with a range.</param>
/// <param name="From">The range's first day, like 2026-05-01.</param>
/// <param name="To">The day after the range's last day (exclusive), today at the latest.</param>
/// <param name="Service">One of the team's services, to list only its records.</param>
/// <param name="Page">The page, from 1 (default).</param>
internal sealed record DrillDownQuery(
    [property: FromQuery(Name = "quarter")] string? Quarter,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "service")] string? Service,
    [property: FromQuery(Name = "page")] string? Page);
