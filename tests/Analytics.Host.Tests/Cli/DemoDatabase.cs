namespace Analytics.Host.Tests.Cli;

/// <summary>A database with the demo organisation, made once per run by the real <c>analytics init</c> and copied for a test class; each test works on a copy.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private static readonly SharedTemplate Template = new("demo", "init");
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-demo-").FullName;

    private string Path => System.IO.Path.Combine(_folder, "demo.duckdb");

    public Task InitializeAsync() => Template.CopyToAsync(Path);

    /// <summary>Copies the database into <paramref name="folder"/> as <paramref name="name"/>.</summary>
    public void CopyTo(string folder, string name) => File.Copy(Path, System.IO.Path.Combine(folder, name));

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
