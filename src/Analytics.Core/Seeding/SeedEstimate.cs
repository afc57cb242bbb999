namespace Analytics.Core.Seeding;

/// <summary>
/// How long a seed takes and how much it needs, estimated before it starts from rates measured on this generator
/// (docs/architecture.md#seeding): rows grow with engineers times days, and time, disk and memory with rows.
/// </summary>
/// <param name="Rows">Rows written, all tables together.</param>
/// <param name="Duration">Wall-clock time on one core of a 2025 laptop-class machine.</param>
/// <param name="DiskBytes">Size of the database file afterwards.</param>
/// <param name="MemoryBytes">Peak memory of the process: every row stays in the open transaction until it commits.</param>
public sealed record SeedEstimate(long Rows, TimeSpan Duration, long DiskBytes, long MemoryBytes)
{
    // Measured with 'analytics seed' (Debug build, 2 shared cores, /usr/bin/time -v) at 100×365, 400×365, 200×1460
    // and, in docs/benchmarks.md, 2000×730 engineers×days: 6.2, 5.1, 4.7 and 4.5 rows per engineer-day; 185 to 153
    // bytes per row on disk; about 150,000 rows a second after a second of start-up; peak memory 350 MB at 225,000
    // rows and 815 MB at 1.36 million. The larger, smaller-is-better figures are rounded up so the estimate errs high.
    private const double RowsPerEngineerDay = 5;
    private const double RowsPerSecond = 150_000;
    private const double StartSeconds = 1;
    private const double DiskBytesPerRow = 170;
    private const double BaseMemoryBytes = 300e6;
    private const double MemoryBytesPerRow = 450;

    /// <summary>The estimate for <paramref name="options"/>.</summary>
    public static SeedEstimate For(SeedOptions options)
    {
        var rows = (long)(options.EngineerDays * RowsPerEngineerDay);
        return new SeedEstimate(rows, TimeSpan.FromSeconds(StartSeconds + (rows / RowsPerSecond)),
            (long)(rows * DiskBytesPerRow), (long)(BaseMemoryBytes + (rows * MemoryBytesPerRow)));
    }
}
