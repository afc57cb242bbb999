using System.CommandLine;
using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Reports;

namespace Analytics.Host.Cli;

/// <summary><c>analytics report --quarter 2026-Q3 [--team T] [--out file.pdf]</c>: the quarterly PDF for executives.</summary>
internal static class ReportCommand
{
    private static readonly string[] Stages = ["Computing the metrics", "Drawing the charts", "Printing the PDF"];

    public static Command Create()
    {
        var quarter = new Option<string>("--quarter") { Description = "The quarter, for example 2026-Q3.", Required = true };
        var team = new Option<string?>("--team") { Description = "Only this team (its catalog id)." };
        var output = new Option<string?>("--out") { Description = "Where to write the PDF (default: pulse-<quarter>[-<team>].pdf here)." };
        var command = new Command("report", "Write the quarterly report (PDF): headline figures, DORA trends with forecasts, sentiment, adoption and onboarding.") { quarter, team, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var which = Quarter.Parse(parse.GetValue(quarter)!);
            var teamId = parse.GetValue(team);
            var fileName = $"pulse-{which}{(teamId is null ? "" : "-" + teamId)}.pdf";
            var path = parse.GetValue(output) ?? fileName;
            if (Directory.Exists(path))
            {
                // The generator checks the folder is writable before it starts; a directory would fail only at the end.
                throw new CliException($"Cannot write {Path.GetFullPath(path)}: it is a directory; give a file name, such as {Path.Combine(path, fileName)}.");
            }
            using var host = CliHost.Create(parse);
            await CliHost.MigrateAsync(host, cancellationToken);
            var generator = host.Services.GetRequiredService<ReportGenerator>();
            var (report, timings) = await ProgressDisplay.RunAsync("Report", async progress =>
                await generator.PdfAsync(which, teamId, path, new Progress<string>(stage =>
                    progress.Report((stage, (double)Array.FindIndex(Stages, s => stage.StartsWith(s, StringComparison.Ordinal)) / Stages.Length))), cancellationToken));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {Path.GetFullPath(path)} ({report.Quarter}{(report.TeamName is null ? "" : ", " + report.TeamName)}{(report.HasData ? "" : ", no data for this quarter")}) in {timings.Total.TotalSeconds:N1} s."));
            return 0;
        });
        return command;
    }
}
