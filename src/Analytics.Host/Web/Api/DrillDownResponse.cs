namespace Analytics.Host.Web.Api;

/// <summary>
/// One page of the records behind a team's figure for a quarter or a range (<see cref="PageSize"/> a page, <see cref="Total"/>
/// in all), with the figure they make up.
/// </summary>
/// <param name="Quarter">The quarter, like 2026-Q3; null for a range.</param>
/// <param name="Team">The team's id.</param>
/// <param name="Service">The service the list narrows to; null for all the team's services.</param>
/// <param name="From">The first day covered.</param>
/// <param name="To">The day after the last day covered (exclusive).</param>
/// <param name="InProgress">Whether the quarter has days still to come (a range never has).</param>
/// <param name="Figure">The figure the whole list makes up.</param>
/// <param name="Total">How many records the list holds on all its pages.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="Pages">How many pages there are (at least one).</param>
/// <param name="PageSize">Records a page.</param>
/// <param name="Items">This page's records.</param>
public sealed record DrillDownResponse<T>(string? Quarter, string Team, string? Service, DateOnly From, DateOnly To, bool InProgress, DrillDownFigure Figure,
    long Total, int Page, int Pages, int PageSize, IReadOnlyList<T> Items);
