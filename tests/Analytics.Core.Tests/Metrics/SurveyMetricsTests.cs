using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Analytics.Core.Organisation;
using Analytics.Core.Surveys;
using Analytics.Core.Surveys.Templates;

namespace Analytics.Core.Tests.Metrics;

/// <summary>NPS, DevEx scores and response rates, with the privacy rules, on hand-counted waves.</summary>
public sealed class SurveyMetricsTests : IDisposable
{
    private static readonly Quarter Q3 = new(2026, 3);
    private readonly MetricsFixture _fixture = new();
    private int _responses;

    public SurveyMetricsTests()
    {
        foreach (var question in DevExPulseTemplate.Questions("devex"))
        {
            _fixture.Write(question);
        }
    }

    [Fact]
    public async Task NPS_of_40_promoters_and_20_detractors_in_100_is_20_with_its_published_margins()
    {
        Wave("w1", "2026-08-01T09:00:00Z", ("big", Scores(promoters: 40, passives: 40, detractors: 20)));
        var org = Org(await NpsAsync());
        Assert.Equal((false, 100L), (org.Suppressed, org.Respondents!.Value));
        Assert.Equal(20, org.Nps!.Value, 6);
        Assert.Equal(14.7, org.WaldMarginOfError!.Value, 1);
        Assert.Equal(14.4, org.MarginOfError!.Value, 1);

        // With the head count known (250 engineers employed when the wave opened), the finite-population
        // correction narrows the adjusted-Wald margin.
        for (var i = 0; i < 250; i++)
        {
            _fixture.Write(new Engineer($"e{i}", $"e{i}", null, null, "big", new DateOnly(2025, 1, 1), null, "test"));
        }

        Assert.Equal(11.2, Org(await NpsAsync()).MarginOfError!.Value, 1);
    }

    [Fact]
    public async Task All_passives_give_an_NPS_of_zero()
    {
        Wave("w1", "2026-08-01T09:00:00Z", ("t", Scores(0, 12, 0)));
        var org = Org(await NpsAsync());
        Assert.Equal(0, org.Nps!.Value, 9);
        Assert.Equal(0, org.WaldMarginOfError!.Value, 9);
    }

    [Fact]
    public async Task Single_respondent_and_waves_below_k_are_suppressed_everywhere()
    {
        Wave("w1", "2026-08-01T09:00:00Z", ("solo", Scores(1, 0, 0)));
        var rows = await NpsAsync();
        Assert.All(rows, r => Assert.True(r.Suppressed));
        Assert.All(rows, r => Assert.Null(r.Nps));
        Assert.All(rows, r => Assert.Null(r.Respondents));

        var scores = await _fixture.Metrics.QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        Assert.All(scores, s => Assert.True(s.Suppressed && s.Mean is null));
    }

    [Fact]
    public async Task Small_team_is_suppressed_with_its_next_smallest_sibling_so_the_total_cannot_reveal_it()
    {
        Wave("w1", "2026-08-01T09:00:00Z", ("a", Scores(2, 0, 0)), ("b", Scores(3, 3, 0)), ("c", Scores(0, 4, 5)));
        var rows = await NpsAsync();
        Assert.True(Team(rows, "a").Suppressed);
        Assert.True(Team(rows, "b").Suppressed);
        Assert.False(Team(rows, "c").Suppressed);
        Assert.Equal(17, Org(rows).Respondents);

        var rates = await _fixture.Metrics.QueryAsync<ResponseRate>("response_rate", MetricsQuery.ForQuarter(Q3), CancellationToken.None);
        Assert.DoesNotContain(rates, r => r.TeamId is "a" or "b" && !r.Suppressed);
    }

    [Fact]
    public async Task Change_between_waves_carries_its_z_score()
    {
        Wave("w1", "2026-05-04T09:00:00Z", ("t", Scores(20, 40, 40)));
        Wave("w2", "2026-08-03T09:00:00Z", ("t", Scores(50, 30, 20)));
        var org = Org(await NpsAsync());
        Assert.Equal("w2", org.WaveId);
        Assert.Equal(50, org.Change!.Value, 6);

        // SE of each wave: sqrt((p + d − (p − d)²) / n); z = ΔNPS / (100 · sqrt(SE₁² + SE₂²)).
        var se1 = Math.Sqrt((0.2 + 0.4 - Math.Pow(0.2 - 0.4, 2)) / 100);
        var se2 = Math.Sqrt((0.5 + 0.2 - Math.Pow(0.5 - 0.2, 2)) / 100);
        Assert.Equal(0.5 / Math.Sqrt((se1 * se1) + (se2 * se2)), org.ChangeZ!.Value, 6);
        Assert.True(org.ChangeZ > 1.96);
    }

    [Fact]
    public async Task DevEx_dimension_mean_and_favourable_share_are_over_respondents()
    {
        WaveWithFlow("w1", "2026-08-01T09:00:00Z", [5, 4, 3, 2, 1], ("t", Scores(5, 0, 0)));
        var flow = (await _fixture.Metrics.QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(Q3), CancellationToken.None))
            .Single(s => s.Level == "organisation" && s.Dimension == "flow");
        Assert.Equal(5, flow.Respondents);
        Assert.Equal(3, flow.Mean!.Value, 9);
        Assert.Equal(40, flow.FavourablePercent!.Value, 9);
    }

    public void Dispose() => _fixture.Dispose();

    private static NpsResult Org(IReadOnlyList<NpsResult> rows) => rows.Single(r => r.Level == "organisation");

    private static NpsResult Team(IReadOnlyList<NpsResult> rows, string team) => rows.Single(r => r.TeamId == team);

    private static int[] Scores(int promoters, int passives, int detractors) =>
        [.. Enumerable.Repeat(10, promoters), .. Enumerable.Repeat(8, passives), .. Enumerable.Repeat(3, detractors)];

    private Task<IReadOnlyList<NpsResult>> NpsAsync() =>
        _fixture.Metrics.QueryAsync<NpsResult>("nps", MetricsQuery.ForQuarter(Q3), CancellationToken.None);

    /// <summary>A wave whose teams answered the NPS question with the given scores (and, optionally, both flow items).</summary>
    private void Wave(string id, string opens, params (string Team, int[] Scores)[] teams) => WaveWithFlow(id, opens, null, teams);

    private void WaveWithFlow(string id, string opens, int[]? likert, params (string Team, int[] Scores)[] teams)
    {
        var start = MetricsFixture.At(opens);
        _fixture.Write(new SurveyWave(id, "devex", id, start, start.AddDays(14), true, 5, null, "closed"));
        foreach (var (team, scores) in teams)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                var response = new Guid(++_responses, 0, 0, new byte[8]);
                _fixture.Write(new SurveyResponse(response, id, team, null, start.AddDays(1), "link", "test"));
                _fixture.Write(new SurveyAnswer(response, "nps", scores[i], null, null));
                if (likert is not null)
                {
                    _fixture.Write(new SurveyAnswer(response, "flow_focus", likert[i], null, null));
                    _fixture.Write(new SurveyAnswer(response, "flow_goals", likert[i], null, null));
                }
            }
        }
    }
}
