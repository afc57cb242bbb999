using System.Net;

namespace Analytics.Host.Tests.Web.Surveys;

public sealed class SurveyFormTests : IDisposable
{
    private const string OpenPath = "/s/open/" + SurveyWebApp.OpenWave;
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Form_is_accessible_markup_without_script()
    {
        using var client = _app.Client();
        var html = await client.GetStringAsync(OpenPath);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"question\"><legend><span class=\"progress\">Question 1 of 5</span> How likely are you to recommend our internal developer platform to a colleague?</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"radio\" id=\"q_nps-0\" name=\"q_nps\" value=\"0\" /><label for=\"q_nps-0\">0<span class=\"visually-hidden\"> – Not at all likely</span></label>", html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"question-text\" for=\"q_obstacle\">", html, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"q_obstacle\" name=\"q_obstacle\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"payments\">Payments</option>", html, StringComparison.Ordinal);
        Assert.Contains("anonymous", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_and_thanks_name_the_organisation_minimum_when_the_wave_k_is_lower()
    {
        _app.Scalar<long>("UPDATE survey_waves SET min_group_size = 3 WHERE wave_id = $wave", new { wave = SurveyWebApp.OpenWave });
        using var client = _app.Client();

        var form = await client.GetStringAsync(OpenPath);
        using var thanks = await SurveyWebApp.FillAsync(client, OpenPath, [.. SurveyWebApp.ValidAnswers(), new("team", "payments")]);

        Assert.Contains("results are shown only for groups of 5 or more.", form, StringComparison.Ordinal);
        Assert.Contains("results only for groups of 5 or more people", await thanks.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_answers_are_stored_before_the_thank_you_page()
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, [.. SurveyWebApp.ValidAnswers(("q_obstacle", "Waiting for CI")), new("team", "search")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you, your answers are saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("search|<none>|open|9", _app.Scalar<string>("SELECT team_id || '|' || coalesce(engineer_id, '<none>') || '|' || channel || '|' || (SELECT count(*) FROM survey_answers) FROM survey_responses"));
    }

    [Theory]
    [InlineData("q_nps", "", "Choose a score from 0 to 10.")]
    [InlineData("q_nps", "11", "Choose a score from 0 to 10; &#x27;11&#x27; is not on the scale.")]
    [InlineData("q_nps", "-1", "Choose a score from 0 to 10; &#x27;-1&#x27; is not on the scale.")]
    [InlineData("q_hours_lost", "All week", "&#x27;All week&#x27; is not one of the options; choose from the list.")]
    [InlineData("team", "platform", "Choose a team from the list, or &#x27;Prefer not to say&#x27;.")]
    public async Task Bad_answer_comes_back_with_its_message_and_stores_nothing(string field, string value, string message)
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers((field, value), ("q_obstacle", "Keep me")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem with 1 answer", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Keep me</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"q_fl_local-4\" name=\"q_fl_local\" value=\"4\" checked", html, StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Error_summary_links_to_the_field_and_the_field_names_its_error()
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers(("q_nps", "")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#q_nps-0\">Question 1: Choose a score from 0 to 10.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"question has-error\" aria-describedby=\"q_nps-error\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"q_nps-error\"><span class=\"visually-hidden\">Error: </span>Choose a score from 0 to 10.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_of_100_KB_is_refused_next_to_the_field()
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers(("q_obstacle", new string('a', 100 * 1024))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Keep this answer to 5,000 characters or fewer; it has 102,400.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_with_a_page_and_stores_nothing()
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers(("q_obstacle", new string('a', 300 * 1024))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("This form is too large to send", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Missing_antiforgery_token_is_refused_with_a_page_and_stores_nothing()
    {
        using var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers(), hidden =>
            hidden.Where(h => h.Key != "__RequestVerificationToken").ToDictionary());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Pressing_submit_twice_stores_one_response_and_thanks_both_times()
    {
        using var client = _app.Client();
        using var page = await client.GetAsync(OpenPath);
        var form = SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync()).Concat(SurveyWebApp.ValidAnswers()).ToList();
        var presses = await Task.WhenAll(client.PostAsync(OpenPath, new FormUrlEncodedContent(form)), client.PostAsync(OpenPath, new FormUrlEncodedContent(form)));

        Assert.All(presses, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        Assert.Equal(1, _app.Responses);
    }

    [Fact]
    public async Task Open_link_takes_one_response_per_browser()
    {
        using var client = _app.Client();
        using var first = await SurveyWebApp.FillAsync(client, OpenPath, SurveyWebApp.ValidAnswers());
        using var again = await client.GetAsync(OpenPath);
        using var other = _app.Client();
        using var otherBrowser = await other.GetAsync(OpenPath);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("You have already answered this survey", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherBrowser.StatusCode);
    }

    [Fact]
    public async Task Open_link_of_a_named_wave_does_not_exist()
    {
        using var client = _app.Client();
        using var response = await client.GetAsync("/s/open/" + SurveyWebApp.NamedWave);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Personal_link_works_once_and_keeps_only_the_team_in_an_anonymous_wave()
    {
        var link = (await _app.LinksAsync(SurveyWebApp.OpenWave)).First(l => l.EngineerId == "e8").Link;
        using var client = _app.Client();
        using var page = await client.GetAsync(link);
        var hidden = SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync());
        using var first = await client.PostAsync(link, new FormUrlEncodedContent(hidden.Concat(SurveyWebApp.ValidAnswers())));
        using var reuse = await client.GetAsync(link);
        hidden["submission"] = Guid.NewGuid().ToString();
        using var repost = await client.PostAsync(link, new FormUrlEncodedContent(hidden.Concat(SurveyWebApp.ValidAnswers())));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, reuse.StatusCode);
        Assert.Contains("This link has already been used", await reuse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, repost.StatusCode);
        Assert.Equal("search|<none>|link", _app.Scalar<string>("SELECT team_id || '|' || coalesce(engineer_id, '<none>') || '|' || channel FROM survey_responses"));
    }

    [Fact]
    public async Task Personal_link_of_a_named_wave_keeps_the_person()
    {
        var link = (await _app.LinksAsync(SurveyWebApp.NamedWave)).First(l => l.EngineerId == "e2").Link;
        using var response = await SurveyWebApp.FillAsync(_app.Client(), link, SurveyWebApp.ValidAnswers());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("e2", _app.Scalar<string>("SELECT engineer_id FROM survey_responses"));
    }

    [Theory]
    [InlineData("/s/not-a-token")]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Forged_token_gets_a_page_that_says_so(string path)
    {
        using var client = _app.Client();
        using var page = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new FormUrlEncodedContent(SurveyWebApp.ValidAnswers()));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This link does not work", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task Link_to_a_wave_closed_since_gets_a_closed_page_and_stores_nothing()
    {
        var link = (await _app.LinksAsync(SurveyWebApp.NamedWave))[0].Link;
        using var client = _app.Client();
        using var page = await client.GetAsync(link);
        var form = SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync()).Concat(SurveyWebApp.ValidAnswers()).ToList();
        _app.Scalar<long>("UPDATE survey_waves SET status = 'closed' WHERE wave_id = $wave RETURNING 1", new { wave = SurveyWebApp.NamedWave });
        using var post = await client.PostAsync(link, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.Contains("This survey is closed", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM survey_invitations WHERE used_at IS NOT NULL"));
    }

    [Fact]
    public async Task Expired_link_gets_an_expired_page()
    {
        var link = (await _app.LinksAsync(SurveyWebApp.NamedWave))[0].Link;
        _app.Scalar<long>("UPDATE survey_invitations SET expires_at = $expired RETURNING 1", new { expired = _app.Clock.GetUtcNow().AddHours(-1) });
        using var page = await _app.Client().GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This link has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/s/open/" + SurveyWebApp.ClosedWave, HttpStatusCode.Gone, "This survey is closed")]
    [InlineData("/s/open/" + SurveyWebApp.DraftWave, HttpStatusCode.Forbidden, "This survey is not open yet")]
    public async Task Closed_and_draft_waves_say_so(string path, HttpStatusCode status, string title)
    {
        using var client = _app.Client();
        using var page = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new FormUrlEncodedContent(SurveyWebApp.ValidAnswers()));

        Assert.Equal(status, page.StatusCode);
        Assert.Contains(title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(0, _app.Responses);
    }

    [Fact]
    public async Task A_failed_save_says_so_and_the_same_form_can_be_sent_again()
    {
        using var client = _app.Client();
        using var page = await client.GetAsync(OpenPath);
        var form = SurveyWebApp.HiddenFields(await page.Content.ReadAsStringAsync()).Concat(SurveyWebApp.ValidAnswers()).ToList();
        _app.Scalar<long>("ALTER TABLE survey_answers RENAME TO survey_answers_away");
        using var failed = await client.PostAsync(OpenPath, new FormUrlEncodedContent(form));
        _app.Scalar<long>("ALTER TABLE survey_answers_away RENAME TO survey_answers");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Contains("Your answers could not be saved just now", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Responses);

        using var again = await client.PostAsync(OpenPath, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, _app.Responses);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var response = await _app.Client().GetAsync(OpenPath);
        var headers = response.Headers;

        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }
}
