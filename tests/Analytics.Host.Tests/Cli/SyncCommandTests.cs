namespace Analytics.Host.Tests.Cli;

public sealed class SyncCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-sync-").FullName;

    [Fact]
    public async Task A_bad_http_setting_is_one_error_line_naming_it()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            """{"Pulse": {"Sources": {"PagerDuty": {"Token": "pd-token", "BaseUrl": "http://127.0.0.1:9/", "Http": {"MaxRetries": "lots"}}}}}""");

        await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", Path.Combine(_folder, "sync.duckdb"));
        var (exitCode, _, error) = await CliProcess.RunAsync(_folder, "sync", "pagerduty", "--db", Path.Combine(_folder, "sync.duckdb"));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("'Pulse:Sources:PagerDuty:Http:MaxRetries'", line, StringComparison.Ordinal);
        Assert.Contains("Give a number for MaxRetries", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
