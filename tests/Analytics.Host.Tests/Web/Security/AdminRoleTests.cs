using System.Net;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>A viewer sees every admin page and changes nothing: each admin form post is 403 with a page that says why.</summary>
public sealed class AdminRoleTests : IDisposable
{
    private const string ViewerPassword = "a viewer's passphrase";
    private readonly SurveyWebApp _app = new();

    public AdminRoleTests() =>
        _app.Factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("pm.kim", ViewerPassword, "viewer", CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/surveys/pulse")]
    [InlineData("/admin/surveys/pulse/questions/nps")]
    [InlineData("/admin/waves/pulse-open")]
    [InlineData("/admin/sources")]
    [InlineData("/admin/reports")]
    public async Task A_viewer_may_open_every_admin_page(string path)
    {
        using var client = await SignedInAsync("pm.kim", ViewerPassword);
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/waves/pulse-open", "/admin/waves/pulse-open/close")]
    [InlineData("/admin/waves/pulse-open", "/admin/waves/pulse-open/links")]
    [InlineData("/admin", "/admin/surveys/from-template")]
    [InlineData("/admin/surveys/pulse", "/admin/surveys/pulse/questions/nps/delete")]
    [InlineData("/admin/sources", "/admin/sources/github/run")]
    public async Task A_viewer_posting_an_admin_form_is_refused_and_nothing_changes(string page, string action)
    {
        using var client = await SignedInAsync("pm.kim", ViewerPassword);
        using var response = await AdminSignIn.PostFormAsync(client, page, action, ("template", "onboarding"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Viewers cannot change anything", html, StringComparison.Ordinal);
        Assert.Equal("open", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM survey_invitations"));
        Assert.Equal(1L, _app.Scalar<long>("SELECT count(*) FROM surveys"));
        Assert.Equal(1L, _app.Scalar<long>("SELECT count(*) FROM survey_questions WHERE question_id = 'nps'"));
        Assert.Equal(0L, _app.Scalar<long>("SELECT count(*) FROM ingestion_runs"));
    }

    [Fact]
    public async Task A_viewer_can_sign_out()
    {
        using var client = await SignedInAsync("pm.kim", ViewerPassword);
        using var signedOut = await AdminSignIn.PostFormAsync(client, "/admin", "/admin/logout");
        using var home = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task An_admin_may_post_admin_forms()
    {
        using var client = await SignedInAsync("admin", SurveyWebApp.AdminPassword);
        using var response = await AdminSignIn.PostFormAsync(client, "/admin/waves/pulse-open", "/admin/waves/pulse-open/close");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("closed", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
    }

    private async Task<HttpClient> SignedInAsync(string username, string password)
    {
        var client = _app.Client(followRedirects: false);
        await AdminSignIn.CookieAsync(client, username, password);
        return client;
    }
}
