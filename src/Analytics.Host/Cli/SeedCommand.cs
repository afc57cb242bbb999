using System.CommandLine;
using System.Globalization;
using Analytics.Core.Seeding;
using Analytics.Core.Storage;

namespace Analytics.Host.Cli;

/// <summary>
/// <c>analytics seed</c>: fills the database with a deterministic synthetic organisation. Says first how long it will
/// take and what it needs; writes into a temporary file beside the target and moves it into place only when done,
/// so Ctrl+C or a failure leaves the target as it was.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var engineers = new Option<int>("--engineers") { Description = "Head count of the organisation, 10 to 100000.", DefaultValueFactory = _ => 200 };
        var days = new Option<int>("--days") { Description = $"Days of history, 7 to 3650; engineers × days at most {SeedOptions.MaxEngineerDays:N0}.", DefaultValueFactory = _ => 365 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var until = new Option<DateOnly?>("--until") { Description = "First day after the history, YYYY-MM-DD (default: today, UTC)." };
        var replace = new Option<bool>("--replace") { Description = "Empty a database that already holds data first (admins, API keys and the audit log stay)." };
        var command = new Command("seed", "Generate a realistic synthetic organisation (teams, services, deployments, changes, incidents, tickets, surveys).")
        {
            engineers, days, seed, until, replace,
        };
        command.SetAction(async (parse, _) =>
        {
            using var host = CliHost.Create(parse, mayCreateDatabase: true);
            var clock = host.Services.GetRequiredService<TimeProvider>();
            var options = new SeedOptions(parse.GetValue(engineers), parse.GetValue(days), parse.GetValue(seed),
                parse.GetValue(until) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            options.Validate();
            var database = host.Services.GetRequiredService<PulseDatabase>();
            var target = new SeedTarget(database.Path);
            var existing = await target.CountAsync(database);
            if (existing is { IsEmpty: false } && !parse.GetValue(replace))
            {
                throw new CliException($"{database.Path} already holds data ({Counted.Holdings(existing)}). Add --replace to empty it first, or use --db to seed another file.");
            }

            var estimate = SeedEstimate.For(options);
            target.EnsureRoomFor(estimate);
            Console.Error.WriteLine(Describe(options, estimate));

            using var signals = new SignalCancellation();
            try
            {
                var (summary, counts) = await target.SeedAsync(host.Services, options, replaceExisting: existing is { IsEmpty: false }, signals.Token);
                Console.WriteLine($"{database.Path}: wrote {Counted.Of(summary.TotalRows, "row")}. It holds {Counted.Holdings(counts)}.");
                return 0;
            }
            catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
            {
                Console.Error.WriteLine($"error: seeding cancelled; {database.Path} is as it was{(existing is null ? " (not created)" : string.Empty)}.");
                return CliExitCodes.Cancelled;
            }
        });
        return command;
    }

    /// <summary>The line said before seeding starts: the size chosen and what it is estimated to take.</summary>
    public static string Describe(SeedOptions options, SeedEstimate estimate) => string.Create(CultureInfo.InvariantCulture,
        $"Seeding {Counted.Of(options.Engineers, "engineer")} over {Counted.Of(options.Days, "day")}: about {Counted.Of(estimate.Rows, "row")}, " +
        $"{Duration(estimate.Duration)}, {Bytes(estimate.DiskBytes)} on disk and {Bytes(estimate.MemoryBytes)} of memory (estimated; Ctrl+C stops it and leaves no file).");

    private static string Duration(TimeSpan duration) =>
        duration.TotalSeconds < 90 ? Counted.Of((long)Math.Ceiling(duration.TotalSeconds), "second") : Counted.Of((long)Math.Ceiling(duration.TotalMinutes), "minute");

    private static string Bytes(long bytes) => bytes switch
    {
        < 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1_000_000):N0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB"),
    };
}
