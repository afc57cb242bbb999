using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

public sealed class AdminCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-admin-cli-").FullName;

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", "admin.duckdb");
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Set_password_creates_an_admin_with_a_hashed_password()
    {
        var (exit, output, error) = await CliProcess.RunWithInputAsync(_folder, "a long enough passphrase\n", "admin", "set-password", "--user", "pm.lee", "--db", "admin.duckdb");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("Admin 'pm.lee' can now sign in at /admin.", output.Trim());
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, "admin.duckdb")}");
        connection.Open();
        var hash = connection.QuerySingle<string>("SELECT password_hash FROM admin_users WHERE username = 'pm.lee'");
        Assert.DoesNotContain("passphrase", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_password_with_role_viewer_creates_a_read_only_account()
    {
        var (exit, output, error) = await CliProcess.RunWithInputAsync(_folder, "a long enough passphrase\n", "admin", "set-password", "--user", "pm.kim", "--role", "viewer", "--db", "admin.duckdb");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("Viewer 'pm.kim' can now sign in at /admin (read only).", output.Trim());
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, "admin.duckdb")}");
        connection.Open();
        Assert.Equal("viewer", connection.QuerySingle<string>("SELECT role FROM admin_users WHERE username = 'pm.kim'"));
    }

    [Fact]
    public async Task An_unknown_role_is_one_line_and_creates_nothing()
    {
        var (exit, _, error) = await CliProcess.RunWithInputAsync(_folder, "a long enough passphrase\n", "admin", "set-password", "--user", "pm.kim", "--role", "owner", "--db", "admin.duckdb");

        Assert.Equal(1, exit);
        Assert.Equal("error: 'owner' is not a role: use admin or viewer.", error.Trim());
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, "admin.duckdb")}");
        connection.Open();
        Assert.Equal(0L, connection.QuerySingle<long>("SELECT count(*) FROM admin_users"));
    }

    [Theory]
    [InlineData("pm.lee", "short\n", "error: The password is 5 characters long; use at least 12.")]
    [InlineData("PM Lee", "a long enough passphrase\n", "error: 'PM Lee' is not a valid username: use 2–40 lower-case letters, digits, '.', '_' or '-'.")]
    public async Task Bad_admin_is_one_line_and_creates_nothing(string user, string input, string message)
    {
        var (exit, _, error) = await CliProcess.RunWithInputAsync(_folder, input, "admin", "set-password", "--user", user, "--db", "admin.duckdb");

        Assert.Equal(1, exit);
        Assert.Equal(message, error.Trim());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
