using System.Text.Json;

namespace Analytics.Host.Tests.Cli;

/// <summary>DORA 2025 buckets and profiles in <c>analytics metrics</c> on the demo organisation, and the report-year setting.</summary>
public sealed class Dora2025CommandTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-dora25-").FullName;

    public Dora2025CommandTests(DemoDatabase demo) => demo.CopyTo(_folder, "demo.duckdb");

    [Fact]
    public async Task The_demo_quarter_with_four_teams_of_k_or_more_profiles_every_team()
    {
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q2", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var profiles = json.RootElement.GetProperty("doraProfiles");
        Assert.Equal(JsonValueKind.Null, profiles.GetProperty("note").ValueKind);
        Assert.Equal(4, profiles.GetProperty("teamsStandardised").GetInt32());
        Assert.All(profiles.GetProperty("teams").EnumerateArray(), t => Assert.NotNull(t.GetProperty("profileName").GetString()));
        var organisation = json.RootElement.GetProperty("doraBuckets").EnumerateArray().Single(b => b.GetProperty("teamId").ValueKind == JsonValueKind.Null);
        Assert.NotNull(organisation.GetProperty("leadTime").GetString());
        Assert.Equal(["deployment_frequency", "change_failure_rate", "rework_rate"],
            json.RootElement.GetProperty("unconfirmedDoraBuckets").EnumerateArray().Select(m => m.GetString()));

        (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q2");
        Assert.True(exit == 0, error);
        Assert.Contains("DORA 2025", output, StringComparison.Ordinal);
        Assert.Contains("the bands of deployment frequency, change failure rate, rework rate.", output.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_below_k_has_no_profile_and_the_quarter_says_too_few_teams_remain()
    {
        // In 2026 Q3 the platform team has 4 respondents: it is hidden, with search to protect it, leaving two teams.
        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var profiles = json.RootElement.GetProperty("doraProfiles");
        Assert.StartsWith("Only 2 team(s)", profiles.GetProperty("note").GetString(), StringComparison.Ordinal);
        var platform = profiles.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("teamId").GetString() == "platform");
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("profile").ValueKind);
        Assert.Equal(JsonValueKind.Null, platform.GetProperty("scores").ValueKind);
        Assert.StartsWith("fewer than k people", platform.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_report_year_stops_the_command_with_one_line()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Pulse": { "Metrics": { "DoraReportYear": 2024 } } }""");

        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q3");

        Assert.NotEqual(0, exit);
        Assert.Empty(output.Trim());
        Assert.Equal("error: Pulse:Metrics:DoraReportYear is 2024, but Pulse knows the DORA reports of 2023 and 2025; set one of those.", error.Trim());
    }

    [Fact]
    public async Task Report_year_2023_shows_the_levels_without_buckets_or_profiles()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"), """{ "Pulse": { "Metrics": { "DoraReportYear": 2023 } } }""");

        var (exit, output, error) = await CliProcess.RunAsync(_folder, "metrics", "--db", "demo.duckdb", "--quarter", "2026-Q2", "--format", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("doraBuckets").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("doraProfiles").GetProperty("teams").EnumerateArray());
        Assert.NotEmpty(json.RootElement.GetProperty("doraLevels").EnumerateArray());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
