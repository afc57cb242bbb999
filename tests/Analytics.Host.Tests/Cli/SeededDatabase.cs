namespace Analytics.Host.Tests.Cli;

/// <summary>A small synthetic organisation (60 engineers, two years to 2026-10-01), seeded once per run by the real CLI and copied for a test class.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private static readonly SharedTemplate Template = new("seeded", "seed", "--engineers", "60", "--days", "730", "--seed", "42", "--until", "2026-10-01");

    public string Folder { get; } = Directory.CreateTempSubdirectory("pulse-seeded-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "seeded.duckdb");

    public Task InitializeAsync() => Template.CopyToAsync(Path);

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
