using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;

namespace Analytics.Host.Tests.Cli;

/// <summary>
/// <c>analytics report</c> as a process on a seeded organisation; the PDF is read back with PdfPig and its pages
/// rendered with poppler's <c>pdftoppm</c> (to <c>TestResults/screenshots</c>) for a person to look at.
/// </summary>
public sealed class ReportCommandTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task Pdf_shows_the_numbers_of_the_metrics_service_and_renders_every_page()
    {
        var pdf = Path.Combine(seeded.Folder, "q3.pdf");
        var (exit, output, error) = await CliProcess.RunAsync(seeded.Folder, "report", "--quarter", "2026-Q3", "--out", pdf, "--db", seeded.Path);
        Assert.True(exit == 0, error);
        Assert.StartsWith($"Wrote {pdf} (2026-Q3) in ", output.Trim(), StringComparison.Ordinal);

        var (_, json, _) = await CliProcess.RunAsync(seeded.Folder, "metrics", "--quarter", "2026-Q3", "--format", "json", "--db", seeded.Path);
        using var metrics = JsonDocument.Parse(json);
        var nps = metrics.RootElement.GetProperty("nps").EnumerateArray().Where(n => n.GetProperty("level").GetString() == "organisation" && !n.GetProperty("suppressed").GetBoolean())
            .MaxBy(n => n.GetProperty("opensAt").GetDateTimeOffset());
        var frequency = metrics.RootElement.GetProperty("deploymentFrequency").EnumerateArray().Single(f => f.GetProperty("level").GetString() == "organisation");
        var perDay = frequency.GetProperty("deployments").GetDouble() / frequency.GetProperty("days").GetDouble();
        var lead = metrics.RootElement.GetProperty("leadTime").EnumerateArray().Single(f => f.GetProperty("level").GetString() == "organisation").GetProperty("medianHours").GetDouble();

        var (text, pages) = Read(pdf);
        Assert.Contains("Developer platform quarterly review", text, StringComparison.Ordinal);
        Assert.Contains($"Platform NPS: {nps.GetProperty("nps").GetDouble().ToString("0", CultureInfo.InvariantCulture)} ± {nps.GetProperty("marginOfError").GetDouble().ToString("0.0", CultureInfo.InvariantCulture)}", text, StringComparison.Ordinal);
        Assert.Contains(perDay.ToString("0.0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(lead.ToString("0", CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        foreach (var heading in new[] { "Executive summary", "Findings", "Delivery", "Developer sentiment", "Platform adoption", "Onboarding", "Methodology" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains($"Page 2 of {pages}", text, StringComparison.Ordinal);
        Assert.Contains("Acme · Developer platform quarterly review — 2026-Q3", text, StringComparison.Ordinal);
        var prefix = Path.Combine(Screenshots(), "report");
        await RunAsync("pdftoppm", "-png", "-r", "60", pdf, prefix);
        Assert.Equal(pages, Directory.GetFiles(Screenshots(), "report-*.png").Length);
    }

    [Fact]
    public async Task Team_report_names_the_team()
    {
        var pdf = Path.Combine(seeded.Folder, "team.pdf");
        var team = (await CliProcess.RunAsync(seeded.Folder, "metrics", "--quarter", "2026-Q3", "--format", "csv", "--db", seeded.Path)).Output
            .Split('\n').Select(l => l.Split(',')).First(f => f.Length > 3 && f[1] == "team")[2];
        var (exit, _, error) = await CliProcess.RunAsync(seeded.Folder, "report", "--quarter", "2026-Q3", "--team", team, "--out", pdf, "--db", seeded.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("Q3 2026 (1 Jul – 30 Sep 2026) ·", Read(pdf).Text, StringComparison.Ordinal);
        await RunAsync("pdftoppm", "-png", "-r", "60", pdf, Path.Combine(Screenshots(), "team"));
    }

    [Fact]
    public async Task Quarter_without_data_gives_a_report_that_says_so()
    {
        var pdf = Path.Combine(seeded.Folder, "empty.pdf");
        // Long before the seeded organisation's two years of data.
        var (exit, output, error) = await CliProcess.RunAsync(seeded.Folder, "report", "--quarter", "2020-Q1", "--out", pdf, "--db", seeded.Path);

        Assert.True(exit == 0, error);
        Assert.Contains("no data for this quarter", output, StringComparison.Ordinal);
        var (text, _) = Read(pdf);
        Assert.Contains("No data for this quarter.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Executive summary", text, StringComparison.Ordinal);
        Assert.Contains("Methodology", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_quarter_is_one_line_and_writes_nothing()
    {
        var pdf = Path.Combine(seeded.Folder, "future.pdf");
        var (exit, _, error) = await CliProcess.RunAsync(seeded.Folder, "report", "--quarter", "2099-Q1", "--out", pdf, "--db", seeded.Path);

        Assert.Equal(1, exit);
        Assert.Matches(@"^error: 2099-Q1 has no complete day yet \(today is \d{4}-\d{2}-\d{2}\); the latest quarter with data is \d{4}-Q[1-4]\.$", error.Trim().Split('\n')[^1].Trim());
        Assert.False(File.Exists(pdf));
    }

    [Theory]
    [InlineData("2026Q3", "", "error: '2026Q3' is not a quarter: write it like 2026-Q3.")]
    [InlineData("2026-Q3", "nope", "error: There is no team 'nope'.")]
    public async Task Bad_quarter_or_team_is_one_line(string quarter, string team, string message)
    {
        var args = new List<string> { "report", "--quarter", quarter, "--out", Path.Combine(seeded.Folder, "bad.pdf"), "--db", seeded.Path };
        if (team.Length > 0)
        {
            args.AddRange(["--team", team]);
        }

        var (exit, _, error) = await CliProcess.RunAsync(seeded.Folder, [.. args]);
        // Progress goes to standard error too when it is redirected; the failure is the last line, without a stack trace.
        Assert.Equal(1, exit);
        Assert.StartsWith(message, error.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(seeded.Folder, "bad.pdf")));
    }

    [Theory]
    [InlineData("/nonexistent-folder/q3.pdf", "error: Cannot write /nonexistent-folder/q3.pdf: the folder /nonexistent-folder does not exist.")]
    [InlineData("/proc/q3.pdf", "error: Cannot write /proc/q3.pdf:")]
    public async Task Unwritable_output_is_refused_before_any_work(string output, string message)
    {
        var (exit, _, error) = await CliProcess.RunAsync(seeded.Folder, "report", "--quarter", "2026-Q3", "--out", output, "--db", seeded.Path);
        Assert.Equal(1, exit);
        Assert.StartsWith(message, error.Trim(), StringComparison.Ordinal);
    }

    internal static string Screenshots()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Analytics.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        return Directory.CreateDirectory(Path.Combine(root, "TestResults", "screenshots")).FullName;
    }

    /// <summary>The PDF's words in reading order, separated by single spaces, and its page count.</summary>
    private static (string Text, int Pages) Read(string pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Join(" ", document.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
        return (Regex.Replace(text, @"\s+", " "), document.NumberOfPages);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
