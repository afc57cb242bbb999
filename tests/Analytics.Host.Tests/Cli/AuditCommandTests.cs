using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics audit [--limit N]</c>: one line per admin action, newest first.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-audit-").FullName;

    [Fact]
    public async Task Audit_prints_one_line_per_entry_newest_first_up_to_the_limit()
    {
        var database = await DatabaseAsync();
        using (var connection = new PulseConnection($"Data Source={database}"))
        {
            connection.Open();
            const string insert = "INSERT INTO admin_audit_log VALUES ($id, $at, $actor, $action, $kind, $object, $detail)";
            connection.Execute(insert, new { id = 1, at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), actor = "anna", action = "wave.opened", kind = "wave", @object = "pulse-q4", detail = (string?)null });
            connection.Execute(insert, new { id = 2, at = new DateTimeOffset(2026, 11, 3, 10, 30, 5, TimeSpan.Zero), actor = "ben", action = "links.generated", kind = "wave", @object = "pulse-q4", detail = "12 new links, 0 unused links replaced" });
            connection.Execute(insert, new { id = 3, at = new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), actor = "eve\nforged line", action = "wave.closed", kind = "wave", @object = "pulse-q4", detail = (string?)null });
        }

        var (exit, output, error) = await CliProcess.RunAsync(_folder, "audit", "--db", database);
        var (limitedExit, limited, _) = await CliProcess.RunAsync(_folder, "audit", "--limit", "1", "--db", database);

        Assert.True(exit == 0, error);
        Assert.Equal(
        [
            "2026-11-04 08:00:00Z eve?forged line wave.closed wave pulse-q4",
            "2026-11-03 10:30:05Z ben links.generated wave pulse-q4: 12 new links, 0 unused links replaced",
            "2026-11-02 09:00:00Z anna wave.opened wave pulse-q4",
        ], Lines(output));
        Assert.Equal(0, limitedExit);
        Assert.Equal(["2026-11-04 08:00:00Z eve?forged line wave.closed wave pulse-q4"], Lines(limited));
    }

    [Fact]
    public async Task Audit_of_an_empty_log_says_so()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "audit", "--db", await DatabaseAsync());

        Assert.True(exit == 0, error);
        Assert.Equal(["No admin actions recorded yet."], Lines(output));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task Limit_below_one_is_one_error_line(string limit)
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "audit", "--limit", limit, "--db", Path.Combine(_folder, "never.duckdb"));

        Assert.Equal(1, exit);
        Assert.Equal($"error: --limit must be at least 1, not {limit}.", error.Trim());
        Assert.Empty(output);
        Assert.False(File.Exists(Path.Combine(_folder, "never.duckdb")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> DatabaseAsync()
    {
        var database = Path.Combine(_folder, "audit.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", database);
        Assert.True(exit == 0, error);
        return database;
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
