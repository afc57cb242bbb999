using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;
using Analytics.Reports.Definitions;

namespace Analytics.Reports.Tests;

/// <summary>
/// The friction themes of a team's report quote only a group the organisation view shows: a team below k, and the
/// smallest sibling hidden with it so that it cannot be worked out, give no comments to their own reports.
/// </summary>
public sealed class ReportPrivacyTests : IDisposable
{
    private const int K = 5;
    private static readonly DateTimeOffset Opens = new(2026, 7, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Comments =
    [
        "The build pipeline is slow and the build cache misses",
        "Slow build pipeline, waiting for the build every day",
        "Flaky integration tests fail the build pipeline",
        "Waiting on code review from another team",
        "Code review takes days, waiting for review",
    ];

    private readonly ReportDatabase _db = new();

    [Theory]
    [InlineData("small", false)]
    [InlineData("sibling", false)]
    [InlineData("large", true)]
    [InlineData(null, true)]
    public async Task A_team_report_quotes_comments_only_from_a_group_the_organisation_view_shows(string? team, bool quoted)
    {
        Wave(("small", 3), ("sibling", 6), ("large", 8));
        var (report, _, _) = await _db.Builder(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)).BuildAsync(new ReportDefinition(), new Quarter(2026, 3), team, CancellationToken.None);

        Assert.Equal(quoted, report.Themes.Count > 0);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>One closed DevEx wave in 2026 Q3 in which each team's respondents answer both free-text questions.</summary>
    private void Wave(params (string Team, int Respondents)[] teams)
    {
        _db.Write(DevExPulseTemplate.Questions("devex"));
        _db.Write<SurveyWave>([new SurveyWave("w1", "devex", "July pulse", Opens, Opens.AddDays(14), true, K, null, "closed")]);
        _db.Write(teams.Select(t => new Team(t.Team, t.Team, null, false, "UTC", "test")));
        _db.Write(teams.SelectMany(t => Enumerable.Range(0, 20)
            .Select(i => new Engineer($"{t.Team}-{i}", $"{t.Team}-{i}", null, null, t.Team, new DateOnly(2025, 1, 1), null, "test"))));
        var responses = teams.SelectMany(t => Enumerable.Range(0, t.Respondents)
            .Select(_ => new SurveyResponse(Guid.NewGuid(), "w1", t.Team, null, Opens, "link", "test"))).ToList();
        _db.Write(responses);
        _db.Write(responses.SelectMany((r, i) => new[]
        {
            new SurveyAnswer(r.ResponseId, "obstacle", null, null, Comments[i % Comments.Length]),
            new SurveyAnswer(r.ResponseId, "improve", null, null, Comments[(i + 2) % Comments.Length]),
        }));
    }
}
