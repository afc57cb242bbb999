using System.Globalization;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>The quarter's metrics as tables for the terminal.</summary>
internal static class MetricsTables
{
    public static void Write(QuarterlyMetrics m)
    {
        var console = AnsiConsole.Console;
        console.Write(new Rule($"[bold]Pulse metrics, {m.Quarter}{(m.Team is null ? string.Empty : $", team {Markup.Escape(m.Team)}")}[/]").LeftJustified());
        WriteDelivery(console, m);
        Dora2025Table.Write(console, m);
        WriteSentiment(console, m);
        WriteAdoption(console, m);
        WriteOnboardingAndSupport(console, m);
    }

    /// <summary>The level of the run's headline rows: the organisation's, or in a team run the team's (there is no organisation row).</summary>
    private static string Rolled(QuarterlyMetrics m) => m.Team is null ? "organisation" : "team";

    private static void WriteDelivery(IAnsiConsole console, QuarterlyMetrics m)
    {
        var table = new TextTable("Delivery (DORA)").AddColumn("Team").AddColumn("Deploys", rightAligned: true).AddColumn("Per day", rightAligned: true)
            .AddColumns("Frequency", "Lead time p50 / p90").AddColumn("Change failure", rightAligned: true).AddColumn("Recovery p50 / p90").AddColumn("Rework", rightAligned: true).AddColumn("Level");
        foreach (var level in m.DoraLevels.OrderBy(l => l.TeamId is not null).ThenBy(l => l.TeamId, StringComparer.Ordinal))
        {
            var frequency = m.DeploymentFrequency.First(f => f.TeamId == level.TeamId && f.Level != "service");
            var lead = m.LeadTime.FirstOrDefault(l => l.TeamId == level.TeamId && l.Level != "service");
            var recovery = m.RecoveryTime.FirstOrDefault(r => r.TeamId == level.TeamId && r.Level != "service");
            var rework = m.ReworkRate.FirstOrDefault(r => r.TeamId == level.TeamId && r.Level != "service");
            table.AddRow(
                level.TeamId ?? "Organisation",
                frequency.Deployments.ToString("N0", CultureInfo.InvariantCulture),
                level.DeploysPerDay.ToString("0.##", CultureInfo.InvariantCulture),
                DeploymentFrequencyBucket.Of(level.DeploysPerDay),
                lead is null ? "—" : Range(lead.MedianHours, lead.P90Hours),
                Percent(level.ChangeFailureRate),
                recovery is null ? "—" : Range(recovery.MedianHours, recovery.P90Hours),
                Percent(rework?.Rate),
                level.Overall);
        }

        Write(console, table);
        var notDeployed = m.LeadTime.Where(l => l.Level == Rolled(m)).Sum(l => l.NotDeployed);
        var unattributed = m.ChangeFailureRate.Where(c => c.Level == Rolled(m)).Sum(c => c.UnattributedIncidents);
        console.MarkupLine(CultureInfo.InvariantCulture, "[grey]Changes merged but not deployed (none within the link window): {0:N0}. Incidents no deployment explains: {1:N0}.[/]", notDeployed, unattributed);
    }

    private static void WriteSentiment(IAnsiConsole console, QuarterlyMetrics m)
    {
        if (m.Nps.Count == 0)
        {
            console.MarkupLine("[grey]No survey wave opened in this quarter.[/]");
            return;
        }

        var table = new TextTable("Platform NPS").AddColumns("Wave", "Group").AddColumn("n", rightAligned: true).AddColumn("NPS ± 95%", rightAligned: true)
            .AddColumn("Change", rightAligned: true).AddColumn("Significant");
        foreach (var row in m.Nps)
        {
            var group = row.TeamId ?? "Organisation";
            if (row.Suppressed)
            {
                table.AddRow(row.WaveName, group, "hidden (n < k)", string.Empty, string.Empty, string.Empty);
                continue;
            }

            table.AddRow(row.WaveName, group, row.Respondents!.Value.ToString(CultureInfo.InvariantCulture),
                $"{row.Nps:+0;-0;0} ± {row.MarginOfError:0.0}", row.Change is { } c ? c.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture) : "—",
                row.ChangeZ is { } z ? (Math.Abs(z) >= 1.96 ? "yes" : "no") : "—");
        }

        Write(console, table);
        // A team run holds only the team's rows (suppression is decided on the organisation first), so the
        // table shows that team under its own name.
        var level = Rolled(m);
        var scores = new TextTable(m.Team is null ? "DevEx (organisation)" : $"DevEx (team {m.Team})").AddColumns("Dimension", "Item")
            .AddColumn("Mean (1–5)", rightAligned: true).AddColumn("Favourable", rightAligned: true);
        foreach (var score in m.DevExScores.Where(s => s.Level == level && !s.Suppressed))
        {
            scores.AddRow(DimensionNames.Of(score.Dimension), score.Item is null ? string.Empty : DimensionNames.Words(score.Item), $"{score.Mean:0.00}", $"{score.FavourablePercent:0}%");
        }

        Write(console, scores);
    }

    private static void WriteAdoption(IAnsiConsole console, QuarterlyMetrics m)
    {
        var org = m.Adoption.FirstOrDefault(a => a.Level == Rolled(m));
        var participation = m.ParticipatoryAdoption.Count > 0 ? m.ParticipatoryAdoption[0] : null;
        var retention = m.Retention.Count > 0 ? m.Retention[0] : null;
        var weekly = (long)Math.Round(m.WeeklyActivity.Count == 0 ? 0 : m.WeeklyActivity.Average(w => w.ActiveTeams));
        console.MarkupLine($"[bold]Adoption[/]: {Percent(org?.ServiceShare)} of services and {Percent(org?.TeamShare)} of teams on the platform; " +
            $"{Counted.Of(weekly, "team")} {(weekly == 1 ? "deploys" : "deploy")} through it in an average week; {Percent(retention?.Share)} of last quarter's active teams stayed; " +
            $"{Percent(participation?.Share)} of engineers outside the platform team contributed to it.");
        var capabilities = string.Join(", ", m.CapabilityAdoption.Select(c => $"{DimensionNames.Words(c.Capability)} {Percent(c.Share)}"));
        console.MarkupLine($"  by capability: {Markup.Escape(capabilities)}");

        // Experiments are left out of the shares above, so they get a line of their own rather than vanishing.
        if (org is { ExperimentalServices: > 0 })
        {
            console.MarkupLine($"  experimental services (not in the shares): {org.ExperimentalServices}, {org.ExperimentalAdoptedServices} of them on the platform");
        }
    }

    private static void WriteOnboardingAndSupport(IAnsiConsole console, QuarterlyMetrics m)
    {
        var cohort = m.TimeToFirstDeploy.FirstOrDefault(t => t.Level == Rolled(m));
        console.MarkupLine(cohort is null
            ? "[bold]Onboarding[/]: nobody started this quarter."
            : $"[bold]Onboarding[/]: {cohort.Starters} started; median {Days(cohort.MedianDays)} to first deploy (p75 {Days(cohort.P75Days)}); {Percent(cohort.ShareWithin30Days)} within 30 days.");
        var load = m.SupportLoad.Count > 0 ? m.SupportLoad[0] : null;
        if (load is not null)
        {
            console.MarkupLine($"[bold]Support[/]: {Counted.Of(load.Requests, "request")}, {load.PerHundredEngineersPerMonth:0.0} per 100 engineers a month; " +
                $"first response in {Hours(load.MedianFirstResponseHours)}, resolved in {Hours(load.MedianResolutionHours)} (medians).");
        }

        var candidates = string.Join("; ", m.SupportCategories.Take(3).Select(c => $"{DimensionNames.Words(c.Category)} ({Counted.Of(c.Requests, "request")} × {Hours(c.MedianHandlingHours)})"));
        if (candidates.Length > 0)
        {
            console.MarkupLine($"  self-service candidates: {Markup.Escape(candidates)}");
        }
    }

    /// <summary>A table after a blank line, as wide as the terminal allows.</summary>
    private static void Write(IAnsiConsole console, TextTable table)
    {
        console.WriteLine();
        table.WriteToConsole();
    }

    /// <summary>A p50 / p90 pair for a table cell, each figure kept whole ("24.5h / 7.9d") so a narrow column wraps between them.</summary>
    private static string Range(double? median, double? p90) => $"{Hours(median).Replace(" ", "", StringComparison.Ordinal)} / {Hours(p90).Replace(" ", "", StringComparison.Ordinal)}";

    private static string Days(double? days) => days is { } d ? Counted.Of((long)Math.Round(d), "day") : "—";

    private static string Hours(double? hours) => hours switch
    {
        null => "—",
        < 1 => $"{hours * 60:0} min",
        < 48 => $"{hours:0.#} h",
        _ => $"{hours / 24:0.#} d",
    };

    private static string Percent(double? share) => share is { } s ? $"{s * 100:0.#}%" : "—";
}
