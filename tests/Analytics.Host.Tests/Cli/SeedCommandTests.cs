using System.Text.RegularExpressions;
using Analytics.Core.Seeding;
using Analytics.Core.Storage;
using Analytics.Host.Cli;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics seed</c> as a process: the estimate it gives first, and Ctrl+C leaving no half-made file.</summary>
public sealed partial class SeedCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-seed-").FullName;

    [Fact]
    public async Task Seed_says_first_what_it_will_take_and_writes_about_that_many_rows()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "seed", "--engineers", "100", "--days", "120", "--until", "2026-10-01", "--db", "small.duckdb");

        Assert.True(exit == 0, error);
        var estimate = SeedEstimate.For(new SeedOptions(100, 120, 1, new DateOnly(2026, 10, 1)));
        Assert.Equal("Seeding 100 engineers over 120 days: about 60,000 rows, 2 seconds, 10 MB on disk and 327 MB of memory (estimated; Ctrl+C stops it and leaves no file).",
            error.Split('\n')[0].Trim());
        var written = long.Parse(WroteRows().Match(output).Groups["rows"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(written, estimate.Rows / 2, estimate.Rows * 2);
        Assert.InRange(new FileInfo(Path.Combine(_folder, "small.duckdb")).Length, estimate.DiskBytes / 3, estimate.DiskBytes * 3);
        Assert.Equal(["small.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void The_estimate_line_uses_singular_nouns_for_one()
    {
        var line = SeedCommand.Describe(new SeedOptions(1, 1, 1, new DateOnly(2026, 10, 1)), new SeedEstimate(1, TimeSpan.FromSeconds(0.5), 1, 1));
        Assert.StartsWith("Seeding 1 engineer over 1 day: about 1 row, 1 second, 1 MB", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ctrl_C_leaves_no_half_made_file_and_exits_130(bool existing)
    {
        if (existing)
        {
            var (initExit, _, initError) = await CliProcess.RunAsync(_folder, "init", "--db", "org.duckdb");
            Assert.True(initExit == 0, initError);
        }

        string[] args = ["seed", "--engineers", "2000", "--days", "1000", "--until", "2026-10-01", "--db", "org.duckdb", .. existing ? new[] { "--replace" } : []];
        using var seeding = CliProcess.Start(_folder, args);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!seeding.ErrorSoFar.Contains("Seeding: deployments", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !seeding.HasExited, seeding.ErrorSoFar);
            await Task.Delay(100);
        }

        Assert.Contains(Directory.EnumerateFiles(_folder), f => Path.GetFileName(f).StartsWith(".org.duckdb.seeding-", StringComparison.Ordinal));
        seeding.Interrupt();
        var (exit, output, error) = await seeding.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(130, exit);
        Assert.Empty(output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal($"error: seeding cancelled; org.duckdb is as it was{(existing ? "" : " (not created)")}.", lines[^1]);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        if (existing)
        {
            Assert.Equal(["org.duckdb"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
            using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, "org.duckdb")}");
            connection.Open();
            Assert.Equal(40, connection.QuerySingle<long>("SELECT count(*) FROM engineers"));
        }
        else
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"wrote (?<rows>[\d,]+) rows\.")]
    private static partial Regex WroteRows();
}
