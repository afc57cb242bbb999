namespace Analytics.Host.Tests.Cli;

/// <summary>
/// A database made once per test run by a real CLI command and copied for each test class that asks for it: the
/// classes stay independent (each writes its own copy) without each paying for the command.
/// </summary>
internal sealed class SharedTemplate(string name, params string[] command)
{
    private readonly Lazy<Task<string>> _made = new(() => MakeAsync(name, command));

    /// <summary>Copies the template (made on first use) to <paramref name="path"/>.</summary>
    public async Task CopyToAsync(string path)
    {
        File.Copy(await _made.Value, path);
    }

    private static async Task<string> MakeAsync(string name, string[] command)
    {
        var folder = Directory.CreateTempSubdirectory($"pulse-template-{name}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var path = Path.Combine(folder, $"{name}.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(folder, [.. command, "--db", path]);
        return exit == 0 ? path : throw new InvalidOperationException($"analytics {string.Join(' ', command)} failed: {error}");
    }
}
