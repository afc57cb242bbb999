using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;

namespace Analytics.Core.Tests.Metrics;

/// <summary>The AI capabilities template scored per capability by the DevEx scoring query, with its suppression.</summary>
public sealed class AiCapabilitiesScoringTests : IDisposable
{
    private static readonly DateTimeOffset Opens = new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly MetricsFixture _fixture = new();

    public AiCapabilitiesScoringTests()
    {
        _fixture.Write(AiCapabilitiesTemplate.Survey("ai", Opens.AddDays(-1)));
        foreach (var question in AiCapabilitiesTemplate.Questions("ai"))
        {
            _fixture.Write(question);
        }
    }

    [Fact]
    public void The_template_is_registered_and_every_capability_has_at_least_two_likert_items()
    {
        Assert.NotNull(SurveyTemplateCatalog.Find(AiCapabilitiesTemplate.Name));
        var questions = AiCapabilitiesTemplate.Questions("ai");
        Assert.Equal(AiCapabilitiesTemplate.Capabilities.Order(), questions.Where(q => q.Kind == SurveyQuestionKinds.Likert).Select(q => q.Dimension!).Distinct().Order());
        Assert.All(AiCapabilitiesTemplate.Capabilities, c => Assert.True(questions.Count(q => q.Dimension == c) >= 2));
    }

    [Fact]
    public async Task Each_capability_scores_the_mean_and_favourable_share_of_its_items()
    {
        // Five people on team "ai-team": person i answers i on every ai_stance item (1..5) and 4 on every small-batch item.
        Wave(("ai-team", 5));
        var scores = await ScoresAsync();

        var stance = scores.Single(s => s.Level == "team" && s.Dimension == "ai_stance");
        Assert.Equal((5L, 3.0, 40.0), (stance.Respondents!.Value, stance.Mean!.Value, stance.FavourablePercent!.Value));
        var batches = scores.Single(s => s.Level == "team" && s.Dimension == "small_batches");
        Assert.Equal((4.0, 100.0), (batches.Mean!.Value, batches.FavourablePercent!.Value));
    }

    [Fact]
    public async Task A_team_of_four_is_suppressed_in_every_capability()
    {
        Wave(("big", 6), ("small", 4));
        var scores = await ScoresAsync();
        Assert.All(scores.Where(s => s.TeamId == "small"), s => Assert.True(s.Suppressed && s.Mean is null && s.Respondents is null));
    }

    private void Wave(params (string Team, int People)[] teams)
    {
        _fixture.Write(new SurveyWave("ai-1", "ai", "AI 2026 Q3", Opens, Opens.AddDays(14), true, 5, null, "closed"));
        var number = 0;
        foreach (var (team, people) in teams)
        {
            _fixture.Team(team);
            for (var person = 1; person <= people; person++)
            {
                var response = new Guid(++number, 0, 0, new byte[8]);
                _fixture.Write(new SurveyResponse(response, "ai-1", team, null, Opens, "link", "test"));
                foreach (var question in AiCapabilitiesTemplate.Questions("ai").Where(q => q.Kind == SurveyQuestionKinds.Likert))
                {
                    var value = question.Dimension == "ai_stance" ? ((person - 1) % 5) + 1 : 4;
                    _fixture.Write(new SurveyAnswer(response, question.QuestionId, value, null, null));
                }
            }
        }
    }

    private Task<IReadOnlyList<DevExScore>> ScoresAsync() =>
        _fixture.Metrics.QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(new Quarter(2026, 3)), CancellationToken.None);

    public void Dispose() => _fixture.Dispose();
}
