using System.Net.Http.Json;
using System.Net;

namespace Analytics.Host.Tests.Web.Surveys;

public sealed class SubmissionRateLimitTests
{
    [Fact]
    public async Task Submissions_over_the_limit_get_429_with_a_page_and_are_not_stored()
    {
        using var app = new SurveyWebApp(submissionsPerMinute: 3);
        var statuses = new List<HttpStatusCode>();
        string last = "";
        for (var i = 0; i < 5; i++)
        {
            using var client = app.Client();
            using var response = await SurveyWebApp.FillAsync(client, "/s/open/" + SurveyWebApp.OpenWave, SurveyWebApp.ValidAnswers());
            statuses.Add(response.StatusCode);
            last = await response.Content.ReadAsStringAsync();
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Too many attempts", last, StringComparison.Ordinal);
        Assert.Equal(3, app.Responses);
    }

    [Fact]
    public async Task Personal_links_from_one_address_each_have_their_own_budget()
    {
        // Colleagues behind one office address: five people, a limit of three posts a minute, all stored.
        using var app = new SurveyWebApp(submissionsPerMinute: 3);
        var links = (await app.LinksAsync(SurveyWebApp.NamedWave)).Take(5).ToList();
        foreach (var link in links)
        {
            using var response = await SurveyWebApp.FillAsync(app.Client(), link.Link, SurveyWebApp.ValidAnswers());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(5, app.Responses);
    }

    [Fact]
    public async Task Ratings_over_the_limit_get_429()
    {
        using var app = new SurveyWebApp(ratingsPerMinute: 2);
        using var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/ratings", JsonContent.Create(new { capability = "ci", score = 7 }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2L, app.Scalar<long>("SELECT count(*) FROM moment_ratings"));
    }
}
