using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Dora;
using Analytics.Core.Metrics.Support;
using Analytics.Host.Cli;

namespace Analytics.Host.Tests.Cli;

/// <summary>
/// <c>analytics metrics --format csv</c> opens in spreadsheets: text that names teams, services or categories is
/// defused against formula injection, while the numbers the metrics computed stay numbers, negative ones included.
/// </summary>
public sealed class MetricsCsvTests
{
    [Fact]
    public void Text_cells_that_start_a_formula_are_defused_and_numbers_are_not()
    {
        var metrics = Empty() with
        {
            DeploymentFrequency = [new DeploymentFrequency("team", "=HYPERLINK(\"http://evil\")", "+1+1", new DateOnly(2026, 7, 1), 12, 92)],
            SupportCategories = [new SupportCategory("@SUM(A1)", 4, -3.5, null), new SupportCategory("-2+3", 1, 0.25, 7)],
        };

        var lines = Write(metrics);

        Assert.Contains("DeploymentFrequency,team,\"'=HYPERLINK(\"\"http://evil\"\")\",'+1+1,2026-07-01,,Deployments,12", lines);
        Assert.Contains("SupportCategories,,,,,'@SUM(A1),MedianHandlingHours,-3.5", lines);
        Assert.Contains("SupportCategories,,,,,'-2+3,EffortHours,7", lines);
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '@'));
    }

    private static List<string> Write(QuarterlyMetrics metrics)
    {
        using var output = new StringWriter();
        MetricsCsv.Write(output, metrics);
        return output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    }

    private static QuarterlyMetrics Empty() => new(Quarter.Parse("2026-Q3"), null, [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []);
}
