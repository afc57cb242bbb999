using System.Text.Json;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Host.Tests.Cli;

/// <summary><c>analytics metrics</c> on the demo organisation, run as a process.</summary>
public sealed class MetricsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-metrics-").FullName;

    public async Task InitializeAsync()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "init", "--db", "demo.duckdb");
        Assert.True(exit == 0, error);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Json_output_carries_the_same_numbers_as_the_database()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var org = json.RootElement.GetProperty("deploymentFrequency").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        Assert.Equal(ProductionDeploymentsInQ3(), org.GetProperty("deployments").GetInt64());
        Assert.Equal(92, org.GetProperty("days").GetInt64());
        Assert.Contains(json.RootElement.GetProperty("doraLevels").EnumerateArray(), l => l.GetProperty("teamId").GetString() == "payments");
        Assert.NotEmpty(json.RootElement.GetProperty("nps").EnumerateArray());
    }

    [Fact]
    public async Task Csv_output_is_one_line_per_value()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.Trim().Split('\n');
        Assert.Equal("section,level,team,service,period,item,metric,value", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"DeploymentFrequency,organisation,,,2026-07-01,,Deployments,{ProductionDeploymentsInQ3()}", StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(l.Split(',')[0], l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Table_output_for_one_team()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-q3", "--team", "payments");
        Assert.True(exit == 0, error);
        Assert.Contains("Delivery (DORA)", output, StringComparison.Ordinal);
        Assert.Contains("payments", output, StringComparison.Ordinal);
        Assert.Contains("DevEx (team payments)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("mobile", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_run_in_json_does_not_show_the_NPS_of_a_team_the_organisation_view_suppresses()
    {
        // The demo's 2026-Q3 wave has a team below k, so its smallest sibling is hidden with it in the
        // organisation view; neither may reappear in its own run.
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--format", "json");
        Assert.True(exit == 0, error);
        using var organisation = JsonDocument.Parse(output);
        var hidden = organisation.RootElement.GetProperty("nps").EnumerateArray()
            .Where(n => n.GetProperty("level").GetString() == "team" && n.GetProperty("suppressed").GetBoolean())
            .Select(n => (Wave: n.GetProperty("waveId").GetString(), Team: n.GetProperty("teamId").GetString()!)).ToList();
        Assert.True(hidden.Count >= 2, "the demo wave should hide a small team and a sibling");

        foreach (var team in hidden.Select(h => h.Team).Distinct())
        {
            (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--team", team, "--format", "json");
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            var shown = json.RootElement.GetProperty("nps").EnumerateArray()
                .Where(n => hidden.Contains((n.GetProperty("waveId").GetString(), team)) && n.GetProperty("nps").ValueKind != JsonValueKind.Null);
            Assert.Empty(shown);
        }
    }

    [Fact]
    public async Task Team_run_in_csv_labels_its_survey_rows_as_the_team()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--team", "payments", "--format", "csv");
        Assert.True(exit == 0, error);
        var survey = output.Trim().Split('\n').Select(l => l.Split(',')).Where(f => f[0] is "Nps" or "DevExScores" or "ResponseRates").ToList();
        Assert.NotEmpty(survey);
        Assert.All(survey, f => Assert.Equal(("team", "payments"), (f[1], f[2])));
    }

    [Theory]
    [InlineData("--quarter", "2026-13", "error: '2026-13' is not a quarter: write it like 2026-Q3.")]
    [InlineData("--team", "nope", "error: There is no team 'nope'. Team ids are the catalog's group names, such as 'mobile'.")]
    public async Task Bad_quarter_or_unknown_team_gets_one_line(string option, string value, string message)
    {
        string[] args = option == "--quarter"
            ? ["metrics", "--db", "demo.duckdb", "--quarter", value]
            : ["metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", option, value];
        var (exit, _, error) = await CliProcess.RunAsync(_folder, args);
        Assert.Equal(1, exit);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public async Task Unknown_format_is_refused_by_the_parser()
    {
        var (exit, _, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--format", "xml");
        Assert.NotEqual(0, exit);
        Assert.Contains("xml", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private long ProductionDeploymentsInQ3()
    {
        using var connection = new PulseConnection($"Data Source={Path.Combine(_folder, "demo.duckdb")}");
        connection.Open();
        return connection.QuerySingle<long>("""
            SELECT count(DISTINCT (service_id, sha)) FROM deployments
            WHERE environment = 'production' AND status = 'success'
              AND coalesce(finished_at, started_at) >= TIMESTAMPTZ '2026-07-01 00:00:00+00' AND coalesce(finished_at, started_at) < TIMESTAMPTZ '2026-10-01 00:00:00+00'
            """);
    }
}
