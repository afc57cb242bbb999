using System.Globalization;

namespace Analytics.Host.Web.Dashboards;

/// <summary>How the drill-downs page: <see cref="Size"/> records a page, the page number from the URL checked.</summary>
public static class DrillDownPaging
{
    /// <summary>Records listed on one page of every drill-down.</summary>
    public const int Size = DashboardData.DeploymentsPerPage;

    /// <summary>The pages <paramref name="total"/> records fill (at least one).</summary>
    public static int PageCount(long total) => (int)Math.Max(1, (total + Size - 1) / Size);

    /// <summary>
    /// The page a URL asks for (the first when none is given). Throws <see cref="FormatException"/> naming
    /// <paramref name="page"/> and <paramref name="what"/> when it is not a whole number from 1 to the last page.
    /// </summary>
    public static int Number(string? page, long total, string what)
    {
        var pages = PageCount(total);
        if (page is null)
        {
            return 1;
        }

        if (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > pages)
        {
            throw new FormatException($"There is no page '{page}' of {what}: give a whole number from 1 to {pages}.");
        }

        return number;
    }
}
