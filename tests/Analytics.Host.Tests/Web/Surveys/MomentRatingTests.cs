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
    [InlineData("""{"capability": "deploys", "score": 5, "team": "nope"}""", "There is no team 'nope'")]
    [InlineData("""{"score": 5}""", "is not a capability name")]
    public async Task Bad_json_rating_is_400_naming_the_problem(string body, string message)
    {
        using var response = await _app.Client().PostAsync("/api/v1/ratings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
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
}
