using System.Net;
using Analytics.Core.Metrics;
using Analytics.Core.Metrics.Sentiment;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// The default DevEx pulse as the Razor form shows it: five numbered questions, the statements and the
/// path-to-production stages as grids whose rows are stored and scored as the questions they are, and the optional
/// blocks asked only where a wave switches them on.
/// </summary>
public sealed class SurveyFormItemsTests : IDisposable
{
    private const string OpenPath = "/s/open/" + SurveyWebApp.OpenWave;
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Names_from_the_database_are_shown_as_text_never_as_markup()
    {
        _app.Scalar<long>("UPDATE teams SET name = '<script>alert(1)</script> Payments' WHERE team_id = 'payments' RETURNING 1");
        _app.Scalar<long>("UPDATE survey_questions SET text = 'Is <b>CI</b> fast?' WHERE question_id = 'nps' RETURNING 1");
        _app.Scalar<long>("UPDATE survey_questions SET row_label = 'Deploy <script>x</script>' WHERE question_id = 'journey_deploy' RETURNING 1");
        var html = await _app.Client().GetStringAsync(OpenPath);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"payments\">&lt;script&gt;alert(1)&lt;/script&gt; Payments</option>", html, StringComparison.Ordinal);
        Assert.Contains("</span> Is &lt;b&gt;CI&lt;/b&gt; fast?</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Deploy &lt;script&gt;x&lt;/script&gt;</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_question_says_where_it_is_on_the_form()
    {
        var html = await _app.Client().GetStringAsync(OpenPath);

        Assert.Contains("<p class=\"muted\">5 questions; those marked (optional) can be skipped.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<legend><span class=\"progress\">Question 1 of 5</span> How likely are you to recommend", html, StringComparison.Ordinal);
        Assert.Contains("<legend><span class=\"progress\">Question 2 of 5</span> How far do you agree with each statement?</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<legend><span class=\"progress\">Question 3 of 5</span> In a typical week, how many hours", html, StringComparison.Ordinal);
        Assert.Contains("<legend><span class=\"progress\">Question 4 of 5</span> How does each step of the path to production feel?<span class=\"optional\"> (optional)</span></legend>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"question-text\" for=\"q_obstacle\"><span class=\"progress\">Question 5 of 5</span> What is the biggest obstacle", html, StringComparison.Ordinal);
        Assert.DoesNotContain("of 6", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grid_rows_are_labelled_radio_groups_in_one_table()
    {
        var html = await _app.Client().GetStringAsync(OpenPath);

        Assert.Equal(2, html.Split("<table class=\"grid\">").Length - 1);
        Assert.Contains("<th scope=\"col\">1<span class=\"visually-hidden\"> – Very painful</span></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Deploying</th><td><input type=\"radio\" id=\"q_journey_deploy-1\" name=\"q_journey_deploy\" value=\"1\" /><label for=\"q_journey_deploy-1\"><span class=\"visually-hidden\">Deploying: 1</span></label></td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">The goals of my work are clear.<span class=\"visually-hidden\"> (required)</span></th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grid_answers_are_stored_and_scored_as_the_questions_they_are()
    {
        int[] deploy = [1, 2, 4, 5, 5];
        int[] local = [3, 4, 4, 5, 2];
        for (var i = 0; i < deploy.Length; i++)
        {
            using var response = await SurveyWebApp.FillAsync(_app.Client(), OpenPath,
                [.. SurveyWebApp.ValidAnswers(("q_journey_deploy", $"{deploy[i]}"), ("q_fl_local", $"{local[i]}"), ("q_fl_deploy", "4")), new("team", "payments")]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("1,2,4,5,5", _app.Scalar<string>("SELECT string_agg(CAST(numeric_value AS VARCHAR), ',' ORDER BY numeric_value) FROM survey_answers WHERE question_id = 'journey_deploy'"));
        var quarter = Quarter.Of(DateOnly.FromDateTime(_app.Clock.GetUtcNow().AddDays(-2).UtcDateTime));
        var scores = await _app.Factory.Services.GetRequiredService<MetricsService>().QueryAsync<DevExScore>("devex_scores", MetricsQuery.ForQuarter(quarter, null), CancellationToken.None);
        var stage = scores.Single(s => s.Level == "organisation" && s.Dimension == "journey" && s.Item == "deploy");
        var loops = scores.Single(s => s.Level == "organisation" && s.Dimension == "feedback_loops");

        Assert.Equal((5L, 3.4, 60.0), (stage.Respondents!.Value, Math.Round(stage.Mean!.Value, 9), Math.Round(stage.FavourablePercent!.Value, 9)));
        Assert.Equal((5L, 3.8, 80.0), (loops.Respondents!.Value, Math.Round(loops.Mean!.Value, 9), Math.Round(loops.FavourablePercent!.Value, 9)));
    }

    [Fact]
    public async Task Optional_blocks_that_are_off_are_neither_shown_nor_required()
    {
        using var client = _app.Client();
        var html = await client.GetStringAsync(OpenPath);
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers());

        Assert.DoesNotContain("q_csat_ci", html, StringComparison.Ordinal);
        Assert.DoesNotContain("q_improve", html, StringComparison.Ordinal);
        Assert.DoesNotContain("How satisfied are you", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _app.Responses);
    }

    [Fact]
    public async Task Optional_blocks_that_are_on_are_shown_and_stored()
    {
        _app.AskOptionalBlocks(SurveyWebApp.OpenWave, "capabilities", "improvement");
        using var client = _app.Client();
        var html = await client.GetStringAsync(OpenPath);
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers(("q_csat_ci", "4"), ("q_csat_docs", "2"), ("q_improve", "Faster builds")));

        Assert.Contains("<legend><span class=\"progress\">Question 2 of 7</span> How satisfied are you with each part of the platform?<span class=\"optional\"> (optional)</span></legend>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Continuous integration (builds and tests)</th>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"progress\">Question 7 of 7</span> If the platform team could improve one thing", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("csat_ci=4|csat_docs=2|improve=Faster builds", _app.Scalar<string>("""
            SELECT string_agg(question_id || '=' || coalesce(CAST(numeric_value AS VARCHAR), text_value), '|' ORDER BY question_id)
            FROM survey_answers WHERE question_id IN ('csat_ci', 'csat_docs', 'improve')
            """));
    }

    [Theory]
    [InlineData("q_journey_deploy", "9", "<a href=\"#q_journey_deploy-1\">Question 4 (Deploying): Choose a score from 1 to 5; &#x27;9&#x27; is not on the scale.</a>")]
    [InlineData("q_fl_deploy", "", "<a href=\"#q_fl_deploy-1\">Question 2 (Deploying my change to production is quick.): Choose one of the five points on the scale.</a>")]
    [InlineData("q_bogus", "3", "<li>The form holds an answer to &#x27;bogus&#x27;, which this survey does not ask. Reload the page and send it again.</li>")]
    [InlineData("q_improve", "Asked nowhere", "<li>The form holds an answer to &#x27;improve&#x27;, which this survey does not ask. Reload the page and send it again.</li>")]
    public async Task Bad_answer_comes_back_naming_the_question_with_the_answers_kept(string field, string value, string summary)
    {
        using var response = await SurveyWebApp.FillAsync(_app.Client(), OpenPath,
            [.. SurveyWebApp.ValidAnswers((field, value), ("q_obstacle", "Keep me"), ("q_journey_review", "2")), new("team", "search")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There is a problem with 1 answer", html, StringComparison.Ordinal);
        Assert.Contains(summary, html, StringComparison.Ordinal);
        Assert.Contains("Keep me</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q_journey_review-2\" name=\"q_journey_review\" value=\"2\" checked", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q_nps-9\" name=\"q_nps\" value=\"9\" checked", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"search\" selected>Search</option>", html, StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task A_grid_row_with_an_error_says_so_in_its_table()
    {
        using var response = await SurveyWebApp.FillAsync(_app.Client(), OpenPath, SurveyWebApp.ValidAnswers(("q_journey_deploy", "0")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<fieldset class=\"question grid-question has-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"q_journey_deploy-error\"><span class=\"visually-hidden\">Error: </span>Deploying: Choose a score from 1 to 5; &#x27;0&#x27; is not on the scale.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"has-error\"><th scope=\"row\">Deploying</th>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q_journey_deploy\" value=\"1\" aria-describedby=\"q_journey_deploy-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_link_form_sent_after_its_wave_closed_gets_the_closed_page_and_stores_nothing()
    {
        using var client = _app.Client();
        using var page = await client.GetAsync(OpenPath);
        var form = SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync()).Concat(SurveyWebApp.ValidAnswers()).ToList();
        _app.Scalar<long>("UPDATE survey_waves SET status = 'closed' WHERE wave_id = $wave RETURNING 1", new { wave = SurveyWebApp.OpenWave });
        using var post = await client.PostAsync(OpenPath, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("This survey is closed", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }
}
