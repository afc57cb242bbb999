using System.Diagnostics;
using System.Text;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary>An import whose process is killed must not stay "running": the next start closes it as failed.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-runs-").FullName;

    [Fact]
    public async Task A_killed_import_is_shown_failed_with_the_reason_by_the_next_runs()
    {
        var file = Path.Combine(_folder, "teams.ndjson");
        await using (var writer = new StreamWriter(file, append: false, Encoding.UTF8))
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                await writer.WriteLineAsync($"{{\"team_id\":\"team-{i}\",\"name\":\"Team {i}\",\"is_platform_team\":false}}");
            }
        }

        // Created first, so that the write-ahead log the import starts holds its run, not the schema.
        var database = Path.Combine(_folder, "import.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", database);
        Assert.True(exit == 0, error);
        Assert.False(File.Exists(database + ".wal"));
        using (var import = CliProcess.Start(_folder, "import", "teams", file, "--db", database))
        {
            // The run is recorded (and the write-ahead log created) before the first record is read.
            await WaitForAsync(() => File.Exists(database + ".wal"));
            await Task.Delay(500);
            Assert.False(import.HasExited, "the import finished before it could be killed; make the file bigger");
            import.Kill();
        }

        // Wide enough that the error is not wrapped (without COLUMNS, redirected output is 80 wide).
        (exit, var output, error) = await CliProcess.RunAsync(_folder, new Dictionary<string, string> { ["COLUMNS"] = "250" }, "runs", "--db", database);
        Assert.True(exit == 0, error);
        Assert.Contains("failed", output, StringComparison.Ordinal);
        Assert.Contains("interrupted: process", output, StringComparison.Ordinal);
        Assert.DoesNotContain("running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_leaves_the_run_of_a_live_process_running_and_closes_the_run_of_an_ended_one()
    {
        var database = Path.Combine(_folder, "runs.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", database);
        Assert.True(exit == 0, error);
        using (var ended = Process.Start("true"))
        {
            await ended.WaitForExitAsync();
            using var connection = new PulseConnection($"Data Source={database}");
            connection.Open();
            const string insert = "INSERT INTO ingestion_runs (run_id, source, trigger, started_at, status, process_id) VALUES (uuid(), $source, 'import', now(), 'running', $pid)";
            // This test's own process stands for the service, alive while the command line runs.
            connection.Execute(insert, new { source = "live", pid = Environment.ProcessId });
            connection.Execute(insert, new { source = "ended", pid = ended.Id });
        }

        (exit, _, error) = await CliProcess.RunAsync(_folder, "runs", "--db", database);
        Assert.True(exit == 0, error);
        using var check = new PulseConnection($"Data Source={database}");
        check.Open();
        Assert.Equal("running", check.ExecuteScalar<string>("SELECT status FROM ingestion_runs WHERE source = 'live'"));
        Assert.Equal("failed", check.ExecuteScalar<string>("SELECT status FROM ingestion_runs WHERE source = 'ended'"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 600 && !condition(); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "timed out");
    }
}
