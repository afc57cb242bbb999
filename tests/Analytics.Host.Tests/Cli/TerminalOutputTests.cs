using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Analytics.Host.Tests.Cli;

/// <summary>What the command line writes to a terminal or a pipe: colour only on a terminal without NO_COLOR, lines no wider than the terminal, words for dimensions.</summary>
public sealed partial class TerminalOutputTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-terminal-").FullName;

    public TerminalOutputTests(DemoDatabase demo) => demo.CopyTo(_folder, "demo.duckdb");

    [Fact]
    public async Task A_terminal_gets_colour_unless_NO_COLOR_is_set()
    {
        var coloured = await InTerminalAsync(new Dictionary<string, string>());
        var plain = await InTerminalAsync(new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        Assert.Matches(ColourCode(), coloured);
        Assert.Contains("Delivery (DORA)", plain, StringComparison.Ordinal);
        Assert.DoesNotMatch(ColourCode(), plain);
    }

    [Fact]
    public async Task Redirected_output_has_no_escape_codes_at_all()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, "metrics", "--quarter", "2026-Q3", "--db", "demo.duckdb");

        Assert.True(exit == 0, error);
        Assert.Contains("Delivery (DORA)", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Theory]
    [InlineData("", 80)]
    [InlineData("100", 100)]
    [InlineData("60", 60)]
    [InlineData("30", 30)]
    public async Task No_line_is_wider_than_COLUMNS_or_80_without_it(string columns, int width)
    {
        // A failed import leaves a run with a long error for the runs table.
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.csv"), "team,label,owner,cost_centre\nops,Operations,ann,42\n");
        await CliProcess.RunAsync(_folder, "import", "teams", "bad.csv", "--db", "demo.duckdb");
        foreach (string[] command in new[] { new[] { "metrics", "--quarter", "2026-Q3" }, ["runs"] })
        {
            var (exit, output, error) = await CliProcess.RunAsync(_folder, new Dictionary<string, string> { ["COLUMNS"] = columns }, [.. command, "--db", "demo.duckdb"]);

            Assert.True(exit == 0, error);
            var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
            Assert.Contains(lines, l => l.Length > width / 2);
        }
    }

    [Fact]
    public async Task Dimensions_are_named_in_words()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, new Dictionary<string, string> { ["COLUMNS"] = "120" }, "metrics", "--quarter", "2026-Q3", "--db", "demo.duckdb");

        Assert.True(exit == 0, error);
        foreach (var name in new[] { "Cognitive load", "Flow state", "Feedback loops", "Satisfaction (CSAT)" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"\b(cognitive_load|feedback_loops|flow|csat)\b", output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Runs <c>analytics metrics</c> under a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would.</summary>
    private async Task<string> InTerminalAsync(Dictionary<string, string> environment)
    {
        var command = $"dotnet exec '{Path.Combine(AppContext.BaseDirectory, "analytics.dll")}' metrics --quarter 2026-Q3 --db demo.duckdb";
        var start = new ProcessStartInfo("script", ["-q", "-e", "-c", command, "/dev/null"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "120";
        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        return output;
    }

    // Select Graphic Rendition: the escape sequences that set colour and weight.
    [GeneratedRegex(@"\u001b\[[0-9;]*m")]
    private static partial Regex ColourCode();
}
