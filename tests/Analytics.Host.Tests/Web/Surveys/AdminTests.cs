using System.Globalization;
using System.Net;

namespace Analytics.Host.Tests.Web.Surveys;

public sealed class AdminTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("GET", "/admin")]
    [InlineData("GET", "/admin/surveys/pulse")]
    [InlineData("GET", "/admin/surveys/pulse/questions/nps")]
    [InlineData("GET", "/admin/waves/pulse-open")]
    [InlineData("GET", "/admin/waves/pulse-open/responses.csv")]
    [InlineData("POST", "/admin/surveys/from-template")]
    [InlineData("POST", "/admin/surveys/pulse/questions/nps/delete")]
    [InlineData("GET", "/admin/waves/pulse-open/close")]
    [InlineData("POST", "/admin/waves/pulse-open/close")]
    [InlineData("POST", "/admin/waves/pulse-open/reopen")]
    [InlineData("GET", "/admin/waves/pulse-open/links")]
    [InlineData("POST", "/admin/waves/pulse-open/links")]
    [InlineData("GET", "/admin/audit")]
    public async Task Admin_pages_are_never_reachable_without_signing_in(string method, string path)
    {
        using var client = _app.Client(followRedirects: false);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new FormUrlEncodedContent([]) : null });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("open", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM survey_invitations"));
    }

    [Theory]
    [InlineData("/admin", "/admin", "Surveys")]
    [InlineData("/admin/surveys/pulse", "/admin", "Surveys")]
    [InlineData("/admin/sources", "/admin/sources", "Sources")]
    [InlineData("/admin/reports", "/admin/reports", "Reports")]
    [InlineData("/admin/api-keys", "/admin/api-keys", "API keys")]
    [InlineData("/admin/audit", "/admin/audit", "Audit log")]
    public async Task Each_admin_page_marks_its_own_section_and_only_it_in_the_header(string path, string href, string label)
    {
        using var client = await _app.AdminClientAsync();
        var html = await client.GetStringAsync(path);
        var nav = html[html.IndexOf("<nav aria-label=\"Admin\">", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];

        Assert.Contains($"<a href=\"{href}\" aria-current=\"page\">{label}</a>", nav, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(nav, "aria-current"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_the_right_one_signs_in()
    {
        using var client = _app.Client(followRedirects: false);
        using var wrong = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", "guess"), new("returnUrl", "/admin")]);
        using var right = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "//evil.example/")]);
        using var home = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("The username or password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Developer experience pulse", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_form_without_antiforgery_token_does_nothing()
    {
        using var client = await SignedInAsync();
        using var response = await client.PostAsync("/admin/waves/pulse-open/close", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("open", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
    }

    [Fact]
    public async Task A_pm_runs_a_survey_from_template_to_export()
    {
        using var client = await SignedInAsync();
        using var created = await PostAsync(client, "/admin", "/admin/surveys/from-template", ("template", "onboarding"));
        var surveyPath = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/admin/surveys/your-first-90-days-", surveyPath, StringComparison.Ordinal);
        Assert.Contains("When did your first change reach production?", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var edited = await PostAsync(client, surveyPath + "/questions/onb_team", surveyPath + "/questions/onb_team",
            ("kind", "short_text"), ("text", "Which product area do you work in?"), ("help", ""), ("options", ""), ("low", ""), ("high", ""));
        Assert.Contains("Which product area do you work in?", await edited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var opens = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var closes = now.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        using var wave = await PostAsync(client, surveyPath, surveyPath + "/waves", ("name", "November joiners"), ("opens", opens), ("closes", closes), ("k", "5"), ("teams", "search"));
        var wavePath = wave.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Contains("Draft", await wave.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var opened = await PostAsync(client, wavePath, wavePath + "/open");
        Assert.Contains("status open", await opened.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var locked = await PostAsync(client, surveyPath, surveyPath + "/questions/onb_team/delete");
        Assert.Contains("its questions are fixed", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var links = await PostAsync(client, wavePath, wavePath + "/links");
        Assert.Equal("text/csv", links.Content.Headers.ContentType!.MediaType);
        var rows = (await links.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal(7, rows.Length);
        var link = new Uri(rows[1].Split(',')[4]).AbsolutePath;

        foreach (var row in rows.Skip(1).Take(5))
        {
            using var answer = await SurveyWebApp.FillAsync(_app.Client(), new Uri(row.Split(',')[4]).AbsolutePath,
                [new("q_first_deploy", "In weeks 2–4"), new("q_onb_setup", "4"), new("q_onb_path", "4"), new("q_onb_docs", "3"), new("q_onb_help", "5"), new("q_onb_slowed", "Getting access")]);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var live = await client.GetStringAsync(wavePath);
        Assert.DoesNotContain("http-equiv=\"refresh\"", live, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"button secondary\" href=\"{wavePath}\">Refresh results</a>", live, StringComparison.Ordinal);
        Assert.Contains("<td>Search</td><td class=\"number\">6</td><td class=\"number\">5</td><td class=\"number\">83%</td>", live, StringComparison.Ordinal);

        var export = await client.GetStringAsync(wavePath + "/responses.csv");
        var lines = export.Trim().Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("submitted_on,team,first_deploy,onb_setup,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Search,In weeks 2–4,4,4,3,5,,,Getting access", l, StringComparison.Ordinal));
        Assert.DoesNotContain("e7", export, StringComparison.Ordinal);

        using var closed = await PostAsync(client, wavePath, wavePath + "/close");
        Assert.Contains("status closed", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var late = await _app.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
    }

    [Fact]
    public async Task Refused_admin_action_comes_back_with_the_reason()
    {
        using var client = await SignedInAsync();
        using var response = await PostAsync(client, "/admin/surveys/pulse", "/admin/surveys/pulse/waves", ("name", "Q1"), ("opens", "2027-01-10T09:00"), ("closes", "2027-01-01T09:00"), ("k", "5"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<strong>Not done:</strong> The wave must close after it opens.", html, StringComparison.Ordinal);
        Assert.Equal(4L, _app.Scalar<long>("SELECT count(*) FROM survey_waves"));
    }

    [Fact]
    public async Task A_pm_switches_an_optional_block_on_for_a_new_wave()
    {
        var client = await _app.AdminClientAsync();
        var page = await client.GetStringAsync("/admin/surveys/pulse");
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        using var wave = await PostAsync(client, "/admin/surveys/pulse", "/admin/surveys/pulse/waves", ("name", "Deep dive"), ("opens", now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)),
            ("closes", now.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), ("k", "5"), ("anonymous", "true"), ("blocks", "capabilities"));
        var wavePage = await wave.Content.ReadAsStringAsync();
        using var opened = await PostAsync(client, "/admin/waves/pulse-deep-dive", "/admin/waves/pulse-deep-dive/open");
        var form = await _app.Client().GetStringAsync("/s/open/pulse-deep-dive");

        Assert.Contains("<input type=\"checkbox\" id=\"block-capabilities\" name=\"blocks\" value=\"capabilities\" /><label for=\"block-capabilities\">How satisfied are you with each part of the platform? (4 questions)</label>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"block-improvement\">If the platform team could improve one thing, what should it be?</label>", page, StringComparison.Ordinal);
        Assert.Contains("Optional blocks asked: capabilities.", wavePage, StringComparison.Ordinal);
        Assert.Contains("name=\"q_csat_ci\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"q_improve\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pm_builds_a_survey_from_scratch()
    {
        using var client = await SignedInAsync();
        using var created = await PostAsync(client, "/admin", "/admin/surveys/blank", ("title", "Docs check"), ("description", "Three quick questions."));
        var surveyPath = created.RequestMessage!.RequestUri!.AbsolutePath;
        using var added = await PostAsync(client, surveyPath, surveyPath + "/questions",
            ("kind", "single_choice"), ("text", "Where do you look first?"), ("help", ""), ("options", "Portal\nWiki\nSlack"), ("required", "true"), ("low", ""), ("high", ""));
        // Razor writes the separator as an entity.
        var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());

        Assert.Contains("Where do you look first?", html, StringComparison.Ordinal);
        Assert.Contains("Portal · Wiki · Slack", html, StringComparison.Ordinal);
        Assert.Equal("single_choice|true|3", _app.Scalar<string>("SELECT kind || '|' || required || '|' || len(options) FROM survey_questions WHERE survey_id LIKE 'docs-check-%'"));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.Client();
        using var response = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form found on <paramref name="page"/> to <paramref name="action"/> with its antiforgery token, following the redirect.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = SurveyWebApp.HiddenFields(html).Where(f => f.Key == "__RequestVerificationToken");
        return await client.PostAsync(action, new FormUrlEncodedContent(token.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));
    }
}
