using System.CommandLine;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.PagerDuty;

namespace Analytics.Host.Cli;

/// <summary><c>analytics sync &lt;source&gt;</c>: pulls a source's changes since its last sync, now.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "The source to sync: github (deployments) or pagerduty (incidents)." };
        source.AcceptOnlyFromAmong("github", "pagerduty");
        var command = new Command("sync", "Pull a source's changes since its last sync, now.") { source };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Create(parse);
            await using var connection = await host.Services.GetRequiredService<PulseDatabase>().OpenAsync(cancellationToken);
            await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(connection, cancellationToken);
            var name = parse.GetValue(source)!;
            Console.Error.WriteLine($"Syncing {name}…");
            var result = name == "github"
                ? await host.Services.GetRequiredService<GitHubDeploymentConnector>().SyncAsync(connection, "manual", cancellationToken)
                : await host.Services.GetRequiredService<PagerDutyConnector>().SyncAsync(connection, "manual", cancellationToken);
            Console.WriteLine($"{name}: {result.Inserted:N0} inserted, {result.Updated:N0} updated, {result.Rejected.Count:N0} rejected.");
            return 0;
        });
        return command;
    }
}
