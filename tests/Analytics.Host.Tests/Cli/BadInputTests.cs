namespace Analytics.Host.Tests.Cli;

/// <summary>Mistyped input of every command: exit code 1, one line on standard error naming the problem, no stack trace, nothing created.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-bad-input-").FullName;

    [Theory]
    [InlineData("runs")]
    [InlineData("metrics", "--quarter", "2026-Q3")]
    [InlineData("report", "--quarter", "2026-Q3")]
    [InlineData("audit")]
    [InlineData("sync", "github")]
    [InlineData("backup", "copy")]
    [InlineData("api-keys", "list")]
    public async Task A_mistyped_db_is_one_line_and_creates_nothing(params string[] command)
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, [.. command, "--db", "tpyo/pulse.duckdb"]);

        Assert.Equal(1, exit);
        Assert.Equal("error: no database at tpyo/pulse.duckdb (run `analytics init` or `analytics seed` first)", OneLine(error));
        Assert.Empty(output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Fact]
    public async Task Set_password_on_a_mistyped_db_is_one_line_and_creates_nothing()
    {
        var (exit, _, error) = await CliProcess.RunWithInputAsync(_folder, "a long enough passphrase\n", "admin", "set-password", "--user", "pm.lee", "--db", "tpyo/pulse.duckdb");

        Assert.Equal(1, exit);
        Assert.Equal("error: no database at tpyo/pulse.duckdb (run `analytics init` or `analytics seed` first)", OneLine(error));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("error: --time-zone 'Mars/Base' is not a time zone; give an IANA name such as Europe/Berlin.", "import", "survey", "export.csv", "--wave", "devex-2026-q3", "--time-zone", "Mars/Base")]
    [InlineData("error: --limit must be at least 1, not -1.", "runs", "--limit", "-1")]
    [InlineData("error: --limit 'ten' is not a whole number.", "runs", "--limit", "ten")]
    [InlineData("error: --until '2026-13-01' is not a date (YYYY-MM-DD, for example 2026-10-01).", "seed", "--until", "2026-13-01")]
    [InlineData("error: --until must be between 2000-01-01 and 2100-12-31 (got 1999-12-31).", "seed", "--until", "1999-12-31")]
    [InlineData("error: --engineers must be between 10 and 100000 (got 3).", "seed", "--engineers", "3")]
    [InlineData("error: --days must be between 7 and 3650 (got 4000).", "seed", "--days", "4000")]
    [InlineData("error: --engineers 100000 with --days 365 is 36,500,000 engineer-days; at most 3,000,000 are generated (for example --engineers 2000 --days 1500), so lower one of them.", "seed", "--engineers", "100000", "--days", "365")]
    [InlineData("error: Option '--quarter' is required.", "metrics")]
    public async Task A_bad_value_is_one_line_naming_the_option_and_the_value(string message, params string[] command)
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, [.. command, "--db", "new.duckdb"]);

        Assert.Equal(1, exit);
        Assert.Equal(message, OneLine(error));
        Assert.Empty(output);
        Assert.False(File.Exists(Path.Combine(_folder, "new.duckdb")));
    }

    [Fact]
    public async Task Report_out_naming_a_directory_is_refused_before_any_work()
    {
        await CliProcess.RunAsync(_folder, "init", "--db", "demo.duckdb");
        Directory.CreateDirectory(Path.Combine(_folder, "reports"));

        var (exit, _, error) = await CliProcess.RunAsync(_folder, "report", "--quarter", "2026-Q3", "--out", "reports", "--db", "demo.duckdb");

        Assert.Equal(1, exit);
        Assert.Equal($"error: Cannot write {Path.Combine(_folder, "reports")}: it is a directory; give a file name, such as reports/pulse-2026-Q3.pdf.", OneLine(error));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "reports")));
    }

    [Fact]
    public async Task An_import_that_rejects_every_record_fails_with_a_summary_and_one_that_keeps_some_succeeds()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.csv"), "team_id,name,is_platform_team\nops,Operations,maybe\nweb,Web,perhaps\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "mixed.csv"), "team_id,name,is_platform_team\nops,Operations,true\nweb,Web,perhaps\n");

        var (exit, output, error) = await CliProcess.RunAsync(_folder, "import", "teams", "bad.csv", "--db", "import.duckdb");
        Assert.Equal(1, exit);
        Assert.Equal("error: bad.csv: all 2 records were rejected, nothing stored (reasons above and in the dead_letters table).", OneLine(error));
        Assert.Contains("bad.csv: 0 inserted, 0 updated, 2 rejected.", output, StringComparison.Ordinal);
        Assert.Contains("rejected line 2: field 'is_platform_team' is 'maybe'", output, StringComparison.Ordinal);

        (exit, output, error) = await CliProcess.RunAsync(_folder, "import", "teams", "mixed.csv", "--db", "import.duckdb");
        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.Contains("mixed.csv: 1 inserted, 0 updated, 1 rejected.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_for_a_quarter_without_data_says_where_the_data_is()
    {
        await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", "empty.duckdb");
        await CliProcess.RunAsync(_folder, "seed", "--engineers", "10", "--days", "30", "--until", "2026-10-01", "--db", "small.duckdb");

        foreach (var format in new[] { "table", "json", "csv" })
        {
            var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--quarter", "2031-Q2", "--format", format, "--db", "small.duckdb");
            Assert.Equal(1, exit);
            Assert.Empty(output);
            Assert.Matches(@"^error: no data for 2031-Q2 \(data runs from 2026-0[89]-\d\d to 2026-(09-\d\d|10-01)\)$", OneLine(error));
        }

        var (emptyExit, _, emptyError) = await CliProcess.RunAsync(_folder, "metrics", "--quarter", "2026-Q3", "--db", "empty.duckdb");
        Assert.Equal(1, emptyExit);
        Assert.StartsWith("error: no data for 2026-Q3 (the database holds no records yet", OneLine(emptyError), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The single line of <paramref name="error"/>; fails when there are more, such as a stack trace.</summary>
    internal static string OneLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
