namespace Analytics.Reports.Charts;

/// <summary>
/// The months along a trend chart's x-axis. Every trend chart of a report gets the same axis (the report's history
/// and forecast months), so their months line up on the page.
/// </summary>
/// <param name="First">The first month (its first day).</param>
/// <param name="Months">How many months the axis spans.</param>
public sealed record MonthAxis(DateOnly First, int Months)
{
    /// <summary>The month at <paramref name="index"/> (0 = <see cref="First"/>).</summary>
    public DateOnly Month(int index) => First.AddMonths(index);

    /// <summary>The index of <paramref name="month"/> on this axis; may fall outside it.</summary>
    public int IndexOf(DateOnly month) => ((month.Year - First.Year) * 12) + month.Month - First.Month;
}
