namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics api-keys</c> run as a process: a key is shown once, listed without its secret, and revoked.</summary>
public sealed class ApiKeyCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-keys-").FullName;

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", "keys.duckdb");
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_key_is_created_listed_without_its_secret_and_revoked_once()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "api-keys", "create", "--name", "Grafana", "--db", "keys.duckdb");
        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.StartsWith("Created API key ", lines[0], StringComparison.Ordinal);
        var keyId = lines[0].Split(' ')[3];
        var secret = lines[1].Trim();
        Assert.StartsWith("pulse_", secret, StringComparison.Ordinal);

        (exit, output, error) = await CliProcess.RunAsync(_folder, "api-keys", "list", "--db", "keys.duckdb");
        Assert.True(exit == 0, error);
        Assert.Contains(keyId, output, StringComparison.Ordinal);
        Assert.Contains("Grafana", output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);

        (exit, output, error) = await CliProcess.RunAsync(_folder, "api-keys", "revoke", keyId, "--db", "keys.duckdb");
        Assert.True(exit == 0, error);
        Assert.Equal($"Revoked API key {keyId}.", output.Trim());

        (exit, _, error) = await CliProcess.RunAsync(_folder, "api-keys", "revoke", keyId, "--db", "keys.duckdb");
        Assert.NotEqual(0, exit);
        Assert.Equal($"error: API key '{keyId}' was already revoked.", error.Trim());
    }

    [Theory]
    [InlineData(new[] { "api-keys", "revoke", "0000dead" }, "There is no API key '0000dead'; 'analytics api-keys list' shows them.")]
    [InlineData(new[] { "api-keys", "create", "--name", "  " }, "An API key needs a name of 1–80 characters without line breaks, saying which client uses it.")]
    public async Task Bad_input_is_one_line_naming_it(string[] args, string message)
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, [.. args, "--db", "keys.duckdb"]);

        Assert.NotEqual(0, exit);
        Assert.Equal("error: " + message, error.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
