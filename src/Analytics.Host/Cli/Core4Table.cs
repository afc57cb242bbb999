using System.Globalization;
using Analytics.Core.Metrics.Core4;
using Spectre.Console;

namespace Analytics.Host.Cli;

/// <summary>The DX Core 4 block of <c>analytics metrics</c>: one row per panel, the change from last quarter beside each figure.</summary>
internal static class Core4Table
{
    public static void Write(Core4Metrics core4)
    {
        var console = AnsiConsole.Console;
        var table = new Table().Title("DX Core 4 (change from last quarter)")
            .AddColumns("Team", "PRs / engineer / week", "DevEx index", "Days to 10th PR", "Change failure", "New capability (model)", "New capability (rules only)");
        foreach (var panel in core4.Panels)
        {
            table.AddRow(
                Markup.Escape(panel.TeamId ?? "Organisation"),
                Figure(panel.Speed, "0.##", 1),
                Figure(panel.DevExIndex, "0", 1),
                Figure(panel.DaysToTenthPullRequest, "0", 1),
                Figure(panel.ChangeFailureRate, "0.#", 100),
                Figure(panel.NewCapabilityShare, "0.#", 100),
                Figure(panel.NewCapabilityShareRulesOnly, "0.#", 100));
        }

        console.Write(table);
        var model = core4.Model;
        console.MarkupLine(CultureInfo.InvariantCulture, model.Used
            ? "[grey]Work items no rule matched were classified by the text model: cross-validated accuracy {0:P0} macro, {1:P0} micro, over {2:N0} rule-classified items.[/]"
            : "[grey]Impact is by rules only: {3}.[/]",
            model.MacroAccuracy ?? 0, model.MicroAccuracy ?? 0, model.TrainingItems, Markup.Escape(model.Reason ?? ""));
    }

    private static string Figure(Core4Figure figure, string format, double scale) => figure.Value switch
    {
        null => "—",
        { } value => (value * scale).ToString(format, CultureInfo.InvariantCulture)
            + (figure.Change is { } change ? $" ({(change >= 0 ? "+" : "")}{(change * scale).ToString(format, CultureInfo.InvariantCulture)})" : ""),
    };
}
