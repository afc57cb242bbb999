namespace Analytics.Core.Seeding;

/// <summary>What the synthetic generator makes.</summary>
/// <param name="Engineers">Head count of the organisation (at least 10).</param>
/// <param name="Days">Days of history, ending the day before <paramref name="Until"/>.</param>
/// <param name="Seed">Random seed: the same options always give the same data.</param>
/// <param name="Until">The first day after the generated history.</param>
public sealed record SeedOptions(int Engineers, int Days, int Seed, DateOnly Until)
{
    /// <summary>Throws with a message naming the problem when an option is out of range.</summary>
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
    }
}
