using System.Net;
using Analytics.Surveys.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>A personal link that newer links replaced says so and points to the latest invitation; the new one works.</summary>
public sealed class ReplacedLinkTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Replaced_link_is_gone_with_a_page_that_says_it_was_replaced_and_stores_nothing()
    {
        var old = (await _app.LinksAsync(SurveyWebApp.NamedWave)).Single(l => l.EngineerId == "e3").Link;
        await _app.LinksAsync(SurveyWebApp.NamedWave);
        using var client = _app.Client();

        using var page = await client.GetAsync(old);
        using var post = await client.PostAsync(old, new FormUrlEncodedContent(SurveyWebApp.ValidAnswers()));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("<h1>This link was replaced</h1>", html, StringComparison.Ordinal);
        Assert.Contains("A newer link to this survey was sent after this one, so this one no longer works. Nothing was saved.", html, StringComparison.Ordinal);
        Assert.Contains("Use the link in your latest invitation.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("whole link", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Newer_link_opens_the_form_and_takes_the_answers()
    {
        await _app.LinksAsync(SurveyWebApp.NamedWave);
        var current = (await _app.LinksAsync(SurveyWebApp.NamedWave)).Single(l => l.EngineerId == "e3").Link;

        using var response = await SurveyWebApp.FillAsync(_app.Client(), current, SurveyWebApp.ValidAnswers());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("e3", _app.Scalar<string>("SELECT engineer_id FROM survey_responses"));
    }

    [Fact]
    public async Task Unknown_token_still_gets_the_page_that_asks_to_check_the_whole_link()
    {
        await _app.LinksAsync(SurveyWebApp.NamedWave);
        await _app.LinksAsync(SurveyWebApp.NamedWave);

        using var page = await _app.Client().GetAsync("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Check that you opened the whole link from your invitation.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaced_link_of_a_wave_closed_since_says_the_survey_is_closed()
    {
        var old = (await _app.LinksAsync(SurveyWebApp.NamedWave))[0].Link;
        await _app.LinksAsync(SurveyWebApp.NamedWave);
        await _app.Factory.Services.GetRequiredService<SurveyAdministration>().CloseWaveAsync("admin", SurveyWebApp.NamedWave, CancellationToken.None);

        using var page = await _app.Client().GetAsync(old);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This survey is closed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
