using System.Globalization;

namespace Analytics.Core.Seeding;

/// <summary>What the synthetic generator makes.</summary>
/// <param name="Engineers">Head count of the organisation (at least 10).</param>
/// <param name="Days">Days of history, ending the day before <paramref name="Until"/>.</param>
/// <param name="Seed">Random seed: the same options always give the same data.</param>
/// <param name="Until">The first day after the generated history.</param>
public sealed record SeedOptions(int Engineers, int Days, int Seed, DateOnly Until)
{
    /// <summary>
    /// The largest organisation times history generated, in engineer-days: about 15 million rows, 2.5 GB on disk and
    /// 7 GB of memory while the one seeding transaction is open (<see cref="SeedEstimate"/>).
    /// </summary>
    public const long MaxEngineerDays = 3_000_000;

    /// <summary>The earliest and latest <see cref="Until"/>.</summary>
    public static readonly (DateOnly First, DateOnly Last) UntilRange = (new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));

    /// <summary>Engineers times days of history: what the amount of generated data grows with.</summary>
    public long EngineerDays => (long)Engineers * Days;

    /// <summary>Throws with a message naming the problem and the allowed range when an option is out of range.</summary>
    public void Validate()
    {
        if (Engineers is < 10 or > 100_000)
        {
            throw new ArgumentException($"--engineers must be between 10 and 100000 (got {Engineers}).");
        }

        if (Days is < 7 or > 3_650)
        {
            throw new ArgumentException($"--days must be between 7 and 3650 (got {Days}).");
        }

        if (Until < UntilRange.First || Until > UntilRange.Last)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--until must be between {UntilRange.First:yyyy-MM-dd} and {UntilRange.Last:yyyy-MM-dd} (got {Until:yyyy-MM-dd})."));
        }

        if (EngineerDays > MaxEngineerDays)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--engineers {Engineers} with --days {Days} is {EngineerDays:N0} engineer-days; at most {MaxEngineerDays:N0} are generated (for example --engineers 2000 --days 1500), so lower one of them."));
        }
    }
}
