using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>The DORA 2025 view for the terminal: each team's metric buckets and profile, with why a team has none.</summary>
internal static class Dora2025Table
{
    public static void Write(IAnsiConsole console, QuarterlyMetrics m)
    {
        if (m.DoraBuckets.Count == 0)
        {
            return;
        }

        var table = new Table().Title("DORA 2025").AddColumns("Team", "Deploy frequency", "Lead time", "Recovery", "Change failure", "Rework", "Profile");
        foreach (var row in m.DoraBuckets.OrderBy(b => b.TeamId is not null).ThenBy(b => b.TeamId, StringComparer.Ordinal))
        {
            var profile = row.TeamId is null ? null : m.DoraProfiles.Teams.FirstOrDefault(p => p.TeamId == row.TeamId);
            table.AddRow(
                Markup.Escape(row.TeamId ?? "Organisation"),
                Markup.Escape(row.DeploymentFrequency ?? "—"),
                Markup.Escape(row.LeadTime ?? "—"),
                Markup.Escape(row.RecoveryTime ?? "—"),
                Markup.Escape(row.ChangeFailureRate ?? "—"),
                Markup.Escape(row.ReworkRate ?? "—"),
                profile switch
                {
                    { ProfileName: { } name } => Markup.Escape(name),
                    { Reason: { } reason } => $"[grey]none: {Markup.Escape(reason)}[/]",
                    _ => "—",
                });
        }

        console.Write(table);
        if (DoraBucketCalculator.UnconfirmedNote(m.UnconfirmedDoraBuckets) is { } unconfirmed)
        {
            console.MarkupLine($"[grey]{Markup.Escape(unconfirmed)}[/]");
        }

        if (m.DoraProfiles.Note is { } note)
        {
            console.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
        }
    }
}
