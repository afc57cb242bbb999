namespace Analytics.Host.Tests.Cli;

/// <summary>The DX Core 4 block of <c>analytics metrics</c> on the demo organisation, run as a process.</summary>
public sealed class Core4CliTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-core4-cli-").FullName;

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--db", "demo.duckdb");
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_table_output_ends_with_a_Core_4_row_per_team_and_says_how_work_items_were_classified()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--team", "payments");

        Assert.True(exit == 0, error);
        var block = output[output.IndexOf("DX Core 4", StringComparison.Ordinal)..];
        Assert.Contains("payments", block, StringComparison.Ordinal);
        Assert.DoesNotContain("Organisation", block, StringComparison.Ordinal);
        Assert.Contains("Work items no rule matched were classified by the text model", block.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
