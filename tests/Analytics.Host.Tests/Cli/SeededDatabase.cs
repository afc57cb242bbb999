namespace Analytics.Host.Tests.Cli;

/// <summary>A small synthetic organisation (60 engineers, two years to 2026-10-01), seeded once for a test class by the real CLI.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pulse-seeded-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "seeded.duckdb");

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(Folder, "seed", "--engineers", "60", "--days", "730", "--seed", "42", "--until", "2026-10-01", "--db", Path);
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
