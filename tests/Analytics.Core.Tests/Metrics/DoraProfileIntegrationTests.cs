using Analytics.Core.Metrics;
using Analytics.Core.Metrics.DoraProfiles;
using Analytics.Core.Seeding;
using Dapper;

namespace Analytics.Core.Tests.Metrics;

/// <summary>DORA 2025 buckets and profiles through <see cref="MetricsService"/> on a seeded organisation.</summary>
public sealed class DoraProfileIntegrationTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly MetricsFixture _fixture = new();

    public DoraProfileIntegrationTests()
    {
        using var connection = _fixture.Database.Open();
        new SyntheticOrgGenerator(new SeedOptions(240, 200, 5, new DateOnly(2026, 10, 1)), TimeProvider.System).Generate(connection, false, null, CancellationToken.None);
    }

    [Fact]
    public async Task Every_team_of_a_seeded_quarter_gets_a_profile_or_a_reason_and_only_teams_of_k_or_more_are_profiled()
    {
        var metrics = await _fixture.Metrics.QuarterAsync(Q3, null, CancellationToken.None);
        var profiles = metrics.DoraProfiles;

        Assert.Null(profiles.Note);
        Assert.True(profiles.TeamsStandardised >= DoraProfileConstructs.MinimumTeams);
        Assert.All(profiles.Teams, p => Assert.True(p.Profile is not null ^ p.Reason is not null));
        Assert.Equal(profiles.TeamsStandardised, profiles.Teams.Count(p => p.Profile is not null));

        // A profiled team's every profile construct is shown by the DevEx scores, so none was below k.
        var shown = metrics.DevExScores.Where(s => s.Level == "team" && !s.Suppressed && DoraProfileConstructs.SurveyDimensions.Contains(s.Dimension)).ToList();
        foreach (var team in profiles.Teams.Where(p => p.Profile is not null))
        {
            Assert.All(DoraProfileConstructs.SurveyDimensions, d => Assert.Contains(shown, s => s.TeamId == team.TeamId && s.Dimension == d && s.Respondents >= _fixture.Metrics.MinimumGroupSize));
        }

        // Standard scores over the profiled teams average zero in every construct.
        for (var construct = 0; construct < DoraProfileConstructs.All.Count; construct++)
        {
            Assert.Equal(0, profiles.Teams.Where(p => p.Scores is not null).Average(p => p.Scores![construct]), 9);
        }

        Assert.Contains(metrics.DoraBuckets, b => b.TeamId is null && b.DeploymentFrequency is not null && b.LeadTime is not null && b.ChangeFailureRate is not null);
    }

    [Fact]
    public async Task A_team_view_shows_that_teams_organisation_wide_profile_only()
    {
        var organisation = await _fixture.Metrics.QuarterAsync(Q3, null, CancellationToken.None);
        var team = organisation.DoraProfiles.Teams.First(p => p.Profile is not null);

        var view = await _fixture.Metrics.QuarterAsync(Q3, team.TeamId, CancellationToken.None);

        var shown = Assert.Single(view.DoraProfiles.Teams);
        Assert.Equal((team.TeamId, team.Profile, team.Distance), (shown.TeamId, shown.Profile, shown.Distance));
        Assert.Equal(team.Scores!, shown.Scores!);
        Assert.All(view.DoraBuckets, b => Assert.Equal(team.TeamId, b.TeamId));
    }

    [Fact]
    public async Task A_quarter_without_answers_to_the_profile_items_gives_reasons_and_says_too_few_teams()
    {
        using (var connection = _fixture.Database.Open())
        {
            connection.Execute("DELETE FROM survey_answers WHERE question_id LIKE 'dp\\_%' ESCAPE '\\'");
        }

        var profiles = await _fixture.Metrics.ProfilesAsync(Q3, CancellationToken.None);
        var quiet = profiles.Teams.Where(p => p.Reason == DoraProfileCandidates.NoAnswers).ToList();
        Assert.NotEmpty(quiet);
        Assert.All(profiles.Teams, p => Assert.Null(p.Profile));
        Assert.StartsWith("Only 0 team(s)", profiles.Note, StringComparison.Ordinal);
    }

    public void Dispose() => _fixture.Dispose();
}
