using Analytics.Core.Seeding;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Import;

namespace Analytics.Host.Cli;

/// <summary>
/// The database file <c>analytics seed</c> fills, through a temporary copy beside it (<c>.name.seeding-pid</c>) that
/// replaces it only once the seed has committed: an interrupted seed never leaves a half-made file.
/// </summary>
internal sealed class SeedTarget
{
    private readonly string _path;

    public SeedTarget(string path)
    {
        if (path.StartsWith(':'))
        {
            throw new CliException($"--db {path} is not a file; seed writes a database file, such as data/pulse.duckdb.");
        }

        _path = Path.GetFullPath(path);
    }

    private string Temporary => Path.Combine(Path.GetDirectoryName(_path)!, $".{Path.GetFileName(_path)}.seeding-{Environment.ProcessId}");

    /// <summary>What the target holds, or null when there is no file yet; opening it also fails when a service holds it.</summary>
    public async Task<ActivityCounts?> CountAsync(PulseDatabase database)
    {
        if (!File.Exists(_path))
        {
            return null;
        }

        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await DatabaseStatistics.CountAsync(connection, CancellationToken.None);
    }

    /// <summary>Refuses to start when the disk cannot take the estimated file next to the existing one.</summary>
    public void EnsureRoomFor(SeedEstimate estimate)
    {
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        var free = new DriveInfo(directory).AvailableFreeSpace;
        var needed = estimate.DiskBytes + (File.Exists(_path) ? new FileInfo(_path).Length : 0);
        if (free < needed)
        {
            throw new CliException($"{directory} has {free / 1_000_000:N0} MB free; this seed needs about {needed / 1_000_000:N0} MB. Choose fewer --engineers or --days, or another --db.");
        }
    }

    /// <summary>Seeds a copy of the target (or a new file) and moves it into place; on failure or cancellation the copy is deleted.</summary>
    public async Task<(SeedSummary Summary, ActivityCounts Counts)> SeedAsync(IServiceProvider services, SeedOptions options, bool replaceExisting, CancellationToken cancellationToken)
    {
        var temporary = Temporary;
        try
        {
            if (File.Exists(_path))
            {
                // Admins, API keys and the audit log live in the same file and survive a --replace.
                File.Copy(_path, temporary, overwrite: true);
                CopyIfPresent(_path + ".wal", temporary + ".wal");
            }

            SeedSummary summary;
            ActivityCounts counts;
            await using (var connection = new PulseConnection($"Data Source={temporary}"))
            {
                connection.Open();
                var clock = services.GetRequiredService<TimeProvider>();
                await services.GetRequiredService<MigrationRunner>().ApplyAsync(connection, cancellationToken);
                await InterruptedRuns.CloseAsync(connection, clock, cancellationToken);
                var generator = new SyntheticOrgGenerator(options, clock);
                summary = await ProgressDisplay.RunAsync("Seeding", progress => Task.Run(
                    () => generator.Generate(connection, replaceExisting, new ForwardingProgress<SeedProgress>(p => progress.Report((p.Stage, p.Fraction))), cancellationToken),
                    cancellationToken));
                counts = await DatabaseStatistics.CountAsync(connection, CancellationToken.None);
            }

            // The copy took in the old write-ahead log; left beside the new file, DuckDB would replay it there.
            File.Delete(_path + ".wal");
            File.Move(temporary, _path, overwrite: true);
            return (summary, counts);
        }
        finally
        {
            File.Delete(temporary);
            File.Delete(temporary + ".wal");
        }
    }

    private static void CopyIfPresent(string from, string to)
    {
        if (File.Exists(from))
        {
            File.Copy(from, to, overwrite: true);
        }
    }
}
