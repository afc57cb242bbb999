using Analytics.DuckDb;
using Dapper;

namespace Analytics.Host.Tests.Cli;

public sealed class AdminCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-admin-cli-").FullName;

    [Fact]
    public async Task Set_password_creates_an_admin_with_a_hashed_password()
    {
        var (exit, output, error) = await CliProcess.RunWithInputAsync(_folder, "a long enough passphrase\n", "admin", "set-password", "--user", "pm.lee", "--db", "admin.duckdb");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("Admin 'pm.lee' can now sign in at /admin.", output.Trim());
        using var connection = new DuckDbConnection($"Data Source={Path.Combine(_folder, "admin.duckdb")}");
        connection.Open();
        var hash = connection.QuerySingle<string>("SELECT password_hash FROM admin_users WHERE username = 'pm.lee'");
        Assert.DoesNotContain("passphrase", hash, StringComparison.Ordinal);
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
