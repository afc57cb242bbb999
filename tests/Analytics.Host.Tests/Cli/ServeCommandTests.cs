using System.Text.RegularExpressions;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics serve</c> as a process: what it says on standard output once it listens, and its one-line failures.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-serve-").FullName;

    [Fact]
    public async Task First_start_prints_the_address_and_the_first_sign_in_once_and_later_starts_only_the_address()
    {
        var (first, firstPort) = await RunningService.StartOnPortAsync(_folder, "fresh.duckdb");
        string output;
        string error;
        using (first)
        {
            await UntilAsync(() => first.OutputSoFar.Contains("To change it", StringComparison.Ordinal));
            var password = FirstPassword().Match(first.OutputSoFar).Groups["password"].Value;
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{firstPort}") };
            using var signIn = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", password), new("returnUrl", "/admin")]);
            Assert.Equal("/admin", signIn.RequestMessage!.RequestUri!.AbsolutePath);
            first.Terminate();
            (_, output, error) = await first.WaitAsync(TimeSpan.FromMinutes(1));
        }

        var lines = NotLogged(output).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal($"Pulse is running at http://127.0.0.1:{firstPort} (Ctrl+C stops it).", lines[0]);
        var match = FirstPassword().Match(lines[1]);
        Assert.True(match.Success, lines[1]);
        Assert.Equal($"http://127.0.0.1:{firstPort}/admin", match.Groups["address"].Value);
        Assert.Equal("To change it, stop the service and run: analytics admin set-password --user admin", lines[2]);
        // The password is on the console once and never in the log.
        Assert.Single(Regex.Matches(output + error, Regex.Escape(match.Groups["password"].Value)));

        var (again, port) = await RunningService.StartOnPortAsync(_folder, "fresh.duckdb");
        using (again)
        {
            await UntilAsync(() => again.OutputSoFar.Contains("Pulse is running", StringComparison.Ordinal));
            again.Terminate();
            (_, output, _) = await again.WaitAsync(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([$"Pulse is running at http://127.0.0.1:{port} (Ctrl+C stops it)."], NotLogged(output));
    }

    [Theory]
    [InlineData("directory", "error: --db data is a directory, not a database file; point --db at a file such as data/pulse.duckdb.")]
    [InlineData("text", "error: The database file is not a DuckDB database: notes.txt. Point --db at another file.")]
    public async Task A_db_that_is_a_directory_or_not_a_database_is_one_line_without_a_stack(string kind, string message)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "data"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "notes.txt"), "my notes");
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "serve", "--db", kind == "directory" ? "data" : "notes.txt", "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, exit);
        Assert.Equal(message, Assert.Single(Lines(error)));
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal("my notes", await File.ReadAllTextAsync(Path.Combine(_folder, "notes.txt")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder, "data")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The console logger's entries start with a level ("info: ", "warn: ") and continue on indented lines.
    private static IEnumerable<string> NotLogged(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !Regex.IsMatch(l, "^(trce|dbug|info|warn|fail|crit): "));

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The service did not print its address.");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"^First sign-in at (?<address>\S+): user admin, password (?<password>\S+) \(shown only this once\)\.", RegexOptions.Multiline)]
    private static partial Regex FirstPassword();
}
