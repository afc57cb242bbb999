using System.CommandLine;
using Analytics.Core.Seeding;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;

namespace Analytics.Host.Cli;

/// <summary><c>analytics seed</c>: fills the database with a deterministic synthetic organisation.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var engineers = new Option<int>("--engineers") { Description = "Head count of the organisation.", DefaultValueFactory = _ => 200 };
        var days = new Option<int>("--days") { Description = "Days of history.", DefaultValueFactory = _ => 365 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same data.", DefaultValueFactory = _ => 1 };
        var until = new Option<DateOnly?>("--until") { Description = "First day after the history (default: today, UTC)." };
        var replace = new Option<bool>("--replace") { Description = "Empty a database that already holds data first." };
        var command = new Command("seed", "Generate a realistic synthetic organisation (teams, services, deployments, changes, incidents, tickets, surveys).")
        {
            engineers, days, seed, until, replace,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            var clock = host.Services.GetRequiredService<TimeProvider>();
            var options = new SeedOptions(parse.GetValue(engineers), parse.GetValue(days), parse.GetValue(seed),
                parse.GetValue(until) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            options.Validate();
            var database = host.Services.GetRequiredService<PulseDatabase>();
            await using var connection = await database.OpenAsync(cancellationToken);
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(connection, cancellationToken);
            await Ingestion.Import.InterruptedRuns.CloseAsync(connection, host.Services.GetRequiredService<TimeProvider>(), cancellationToken);
            var existing = await DatabaseStatistics.CountAsync(connection, cancellationToken);
            if (!existing.IsEmpty && !parse.GetValue(replace))
            {
                throw new ArgumentException($"{database.Path} already holds data ({existing}). Add --replace to empty it first, or use --db to seed another file.");
            }

            var generator = new SyntheticOrgGenerator(options, clock);
            var summary = await ProgressDisplay.RunAsync("Seeding", progress => Task.Run(
                () => generator.Generate(connection, !existing.IsEmpty, new ForwardingProgress<SeedProgress>(p => progress.Report((p.Stage, p.Fraction))), cancellationToken),
                cancellationToken));

            var counts = await DatabaseStatistics.CountAsync(connection, cancellationToken);
            Console.WriteLine($"{database.Path}: wrote {summary.TotalRows:N0} rows. It holds {counts}.");
            return 0;
        });
        return command;
    }
}
