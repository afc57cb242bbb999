using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Core.Metrics;

namespace Analytics.Host.Cli;

/// <summary><c>analytics metrics --quarter 2026-Q3 [--team T] [--format table|json|csv]</c>.</summary>
internal static class MetricsCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static Command Create()
    {
        var quarter = new Option<string>("--quarter") { Description = "The quarter, for example 2026-Q3.", Required = true };
        var team = new Option<string?>("--team") { Description = "Only this team (its catalog id)." };
        var format = new Option<string>("--format") { Description = "table (default), json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var command = new Command("metrics", "The quarter's DORA metrics, sentiment, adoption, onboarding and support load.") { quarter, team, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var which = Quarter.Parse(parse.GetValue(quarter)!);
            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var metrics = host.Services.GetRequiredService<MetricsService>();
            var teamId = parse.GetValue(team);
            if (teamId is not null)
            {
                await metrics.EnsureTeamExistsAsync(teamId, cancellationToken);
            }

            await QuarterData.EnsureAnyAsync(host.Services.GetRequiredService<Core.Storage.PulseDatabase>(), which, cancellationToken);

            var result = await metrics.QuarterAsync(which, teamId, cancellationToken);
            switch (parse.GetValue(format))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(result, Json));
                    break;
                case "csv":
                    MetricsCsv.Write(Console.Out, result);
                    break;
                default:
                    MetricsTables.Write(result);
                    break;
            }

            return 0;
        });
        return command;
    }
}
