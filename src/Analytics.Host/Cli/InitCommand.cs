using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Host.Storage;

namespace Analytics.Host.Cli;

/// <summary><c>analytics init</c>: creates or upgrades the database and loads the demo data into an empty one.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the demo organisation into an empty database." };
        var command = new Command("init", "Create or upgrade the database; an empty one gets the demo organisation.") { noDemo };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse, mayCreateDatabase: true);
            var database = host.Services.GetRequiredService<PulseDatabase>();
            await using var connection = await database.OpenAsync(cancellationToken);
            var outcome = await host.Services.GetRequiredService<DatabaseInitializer>()
                .InitializeAsync(connection, loadDemoData: !parse.GetValue(noDemo), cancellationToken);
            var migrations = outcome.MigrationsApplied == 0 ? "schema already up to date" : $"applied {Counted.Of(outcome.MigrationsApplied, "migration")}";
            var demo = outcome.DemoDataLoaded ? "; loaded the demo organisation" : string.Empty;
            Console.WriteLine($"{database.Path}: {migrations}{demo}. It holds {Counted.Holdings(outcome.Counts)}.");
            return 0;
        });
        return command;
    }
}
