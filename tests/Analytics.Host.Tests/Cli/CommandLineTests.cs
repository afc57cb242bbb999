using System.Net;
using System.Net.Sockets;
using Analytics.Core.Storage;
using Analytics.Core.Storage.Migrations;
using Dapper;

namespace Analytics.Host.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-cli-").FullName;

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (exit, output, _) = await CliProcess.RunAsync(_folder, "--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "serve", "init", "seed", "--db" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Init_creates_the_default_database_with_the_demo_organisation_once()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "init");
        Assert.True(exit == 0, error);
        Assert.Contains($"./data/pulse.duckdb: applied {Migration.Embedded().Count} migrations; loaded the demo organisation. It holds 4 teams, 8 services, 40 engineers", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "pulse.duckdb")));

        (exit, output, _) = await CliProcess.RunAsync(_folder, "init");
        Assert.Equal(0, exit);
        Assert.Contains("schema already up to date. It holds 4 teams", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_without_demo_leaves_an_empty_schema()
    {
        var (exit, output, _) = await CliProcess.RunAsync(_folder, "init", "--no-demo", "--db", "empty.duckdb");
        Assert.Equal(0, exit);
        Assert.Contains("It holds 0 teams", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_held_by_a_running_service_gets_one_clear_line_and_is_released_after()
    {
        var port = FreePort();
        using (var service = CliProcess.Start(_folder, "--db", "held.duckdb", "--urls", $"http://127.0.0.1:{port}"))
        {
            await WaitForHealthAsync(port);

            var (exit, output, error) = await CliProcess.RunAsync(_folder, "init", "--db", "held.duckdb");
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, output);
            Assert.Equal($"error: The database held.duckdb is in use by process {service.Id} (is 'analytics serve' running?). Stop it, or point this command at another file with --db.", error.Trim());

            (exit, _, error) = await CliProcess.RunAsync(_folder, "serve", "--db", "held.duckdb", "--urls", $"http://127.0.0.1:{FreePort()}");
            Assert.Equal(1, exit);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("is in use by process", error, StringComparison.Ordinal);
        }

        var (after, afterOutput, afterError) = await CliProcess.RunAsync(_folder, "init", "--db", "held.duckdb");
        Assert.True(after == 0, afterError);
        Assert.Contains("It holds 4 teams", afterOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_that_is_not_a_database_gets_one_line_and_stays_untouched()
    {
        var path = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(path, "my notes");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--db", "notes.txt");
        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.StartsWith("error: The database file is not a DuckDB database", error, StringComparison.Ordinal);
        Assert.Equal("my notes", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Seed_refuses_to_overwrite_data_unless_told_and_keeps_it()
    {
        await CliProcess.RunAsync(_folder, "init", "--db", "org.duckdb");
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "seed", "--db", "org.duckdb", "--engineers", "20", "--days", "30");
        Assert.Equal(1, exit);
        Assert.Contains("already holds data (4 teams", error, StringComparison.Ordinal);
        Assert.Contains("--replace", error, StringComparison.Ordinal);
        Assert.Equal(40, CountEngineers("org.duckdb"));

        (exit, var output, error) = await CliProcess.RunAsync(_folder, "seed", "--db", "org.duckdb", "--engineers", "20", "--days", "30", "--replace", "--until", "2026-10-01");
        Assert.True(exit == 0, error);
        Assert.StartsWith("org.duckdb: wrote", output, StringComparison.Ordinal);
        Assert.Contains("Seeding: deployments and changes", error, StringComparison.Ordinal);
        Assert.Equal(20, CountEngineers("org.duckdb"));
    }

    [Theory]
    [InlineData("--engineers", "3", "error: --engineers must be between 10 and 100000 (got 3).")]
    [InlineData("--days", "0", "error: --days must be between 7 and 3650 (got 0).")]
    public async Task Seed_with_options_out_of_range_gets_one_line(string option, string value, string message)
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "seed", "--db", "bad.duckdb", option, value);
        Assert.Equal(1, exit);
        Assert.Equal(message, error.Trim());
        Assert.False(File.Exists(Path.Combine(_folder, "bad.duckdb")));
    }

    [Fact]
    public async Task Import_reports_what_it_stored_and_refused_and_a_bad_header_is_one_line()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "teams.csv"), "team_id,name,is_platform_team\nops,Operations,yes\nweb,Web,maybe\n");
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "import", "teams", "teams.csv", "--db", "import.duckdb");
        Assert.True(exit == 0, error);
        Assert.Contains("teams.csv: 1 inserted, 0 updated, 1 rejected.", output, StringComparison.Ordinal);
        Assert.Contains("rejected line 3: field 'is_platform_team' is 'maybe', not true or false.", output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_folder, "bad.csv"), "team,label\nops,Operations\n");
        (exit, _, error) = await CliProcess.RunAsync(_folder, "import", "teams", "bad.csv", "--db", "import.duckdb");
        Assert.Equal(1, exit);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("'team', 'label' are not fields of this entity", error, StringComparison.Ordinal);

        (exit, output, _) = await CliProcess.RunAsync(_folder, "runs", "--db", "import.duckdb");
        Assert.Equal(0, exit);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
        Assert.Contains("failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Survey_export_reimport_updates_and_a_missing_wave_is_one_line()
    {
        await CliProcess.RunAsync(_folder, "init", "--db", "survey.duckdb");
        var export = Path.Combine(AppContext.BaseDirectory, "data-samples", "surveys", "devex-2026-q3.csv");
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "import", "survey", export, "--wave", "devex-2026-q3", "--db", "survey.duckdb");
        Assert.True(exit == 0, error);
        Assert.Matches(@"devex-2026-q3\.csv: 0 inserted, \d+ updated, 0 rejected\.", output);

        (exit, _, error) = await CliProcess.RunAsync(_folder, "import", "survey", export, "--db", "survey.duckdb");
        Assert.Equal(1, exit);
        Assert.Equal("error: Importing a survey export needs --wave <wave id>.", error.Trim());
    }

    [Fact]
    public async Task Mistyped_command_is_an_error_not_a_server()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "sedd");
        Assert.NotEqual(0, exit);
        Assert.Contains("sedd", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private long CountEngineers(string file)
    {
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, file)}");
        connection.Open();
        return connection.QuerySingle<long>("SELECT count(*) FROM engineers");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForHealthAsync(int port)
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException("The service did not become healthy.");
            }

            await Task.Delay(200);
        }
    }
}
