using System.Net;
using System.Net.Http.Json;

namespace Analytics.Host.Tests.Web.Surveys;

public sealed class MomentRatingTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Json_rating_is_stored_anonymously()
    {
        using var response = await _app.Client().PostAsync("/api/v1/ratings", JsonContent.Create(new { capability = "deploys", score = 8, team = "payments", context = "deploy-cli" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("deploys|8|payments|deploy-cli", _app.Scalar<string>("SELECT capability || '|' || score || '|' || team_id || '|' || context FROM moment_ratings"));
    }

    [Theory]
    [InlineData("""{"capability": "deploys", "score": 11}""", "The score must be from 0 to 10, not 11.")]
    [InlineData("""{"capability": "deploys"}""", "Give a score from 0 to 10.")]
    [InlineData("""{"capability": "deploys", "score": 5, "context": "a context of one hundred and twenty characters: far more than anyone needs to say what they were doing when they rated"}""", "keep it to 100")]
    [InlineData("""{"score": 5}""", "is not a capability name")]
    public async Task Bad_json_rating_is_400_naming_the_problem(string body, string message)
    {
        using var response = await _app.Client().PostAsync("/api/v1/ratings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    [Fact]
    public async Task Json_rating_answers_the_same_for_an_unknown_team_as_for_a_known_one()
    {
        using var client = _app.Client();
        using var known = await client.PostAsync("/api/v1/ratings", JsonContent.Create(new { capability = "deploys", score = 8, team = "payments" }));
        using var unknown = await client.PostAsync("/api/v1/ratings", JsonContent.Create(new { capability = "deploys", score = 8, team = "no-such-team" }));

        Assert.Equal(HttpStatusCode.Created, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(Shape(await known.Content.ReadAsStringAsync()), Shape(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal("payments|<none>", _app.Scalar<string>("SELECT string_agg(coalesce(team_id, '<none>'), '|' ORDER BY team_id NULLS LAST) FROM moment_ratings"));
    }

    [Fact]
    public async Task Short_link_answers_the_same_for_an_unknown_team_as_for_a_known_one()
    {
        using var client = _app.Client();
        var bodies = new List<string>();
        foreach (var team in new[] { "search", "no-such-team" })
        {
            var page = await client.GetStringAsync($"/r/ci?score=7&team={team}");
            using var response = await client.PostAsync("/r/ci", new FormUrlEncodedContent(SurveyWebApp.HiddenFields(page).Append(new("score", "7"))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(bodies[0], bodies[1]);
        Assert.Equal(2L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    [Fact]
    public async Task Short_link_preselects_the_score_and_stores_only_on_submit()
    {
        using var client = _app.Client();
        var page = await client.GetStringAsync("/r/ci?score=7&team=search");
        Assert.Contains("id=\"score-7\" name=\"score\" value=\"7\" checked", page, StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));

        var form = SurveyWebApp.HiddenFields(page).Append(new("score", "7"));
        using var response = await client.PostAsync("/r/ci", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thanks for rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("ci|7|search", _app.Scalar<string>("SELECT capability || '|' || score || '|' || team_id FROM moment_ratings"));
    }

    [Fact]
    public async Task Short_link_without_a_score_comes_back_with_the_error()
    {
        using var client = _app.Client();
        var page = await client.GetStringAsync("/r/ci");
        using var response = await client.PostAsync("/r/ci", new FormUrlEncodedContent(SurveyWebApp.HiddenFields(page)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give a score from 0 to 10.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }

    /// <summary>The JSON with the rating id blanked, so two answers compare by shape.</summary>
    private static string Shape(string json) => System.Text.RegularExpressions.Regex.Replace(json, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
}
