namespace Analytics.Host.Web.Dashboards;

/// <summary>One page of the records behind a figure: <see cref="PageSize"/> a page, <see cref="Total"/> in all.</summary>
public sealed record DrillDownPage<T>(IReadOnlyList<T> Rows, long Total, int Page, int PageSize)
{
    /// <summary>How many pages there are (at least one).</summary>
    public int Pages => DrillDownPaging.PageCount(Total);
}
