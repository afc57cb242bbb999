namespace Analytics.Host.Tests.Cli;

/// <summary>A database with the demo organisation, made once for a test class by the real <c>analytics init</c>; each test works on a copy.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-demo-").FullName;

    private string Path => System.IO.Path.Combine(_folder, "demo.duckdb");

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--db", Path);
        Assert.True(exit == 0, error);
    }

    /// <summary>Copies the database into <paramref name="folder"/> as <paramref name="name"/>.</summary>
    public void CopyTo(string folder, string name) => File.Copy(Path, System.IO.Path.Combine(folder, name));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
