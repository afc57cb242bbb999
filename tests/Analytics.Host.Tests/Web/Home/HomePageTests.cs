using System.Net;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Home;

/// <summary>
/// <c>/</c> is a home page: developers are sent to the link in their invitation and platform PMs to sign-in and the
/// admin pages; it shows nothing of the surveys (their links are personal) to anyone.
/// </summary>
public sealed class HomePageTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Home_page_sends_developers_to_their_invitation_and_pms_to_sign_in()
    {
        using var client = _app.Client(followRedirects: false);
        using var response = await client.GetAsync("/");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>Home – Pulse</title>", page, StringComparison.Ordinal);
        Assert.Contains("If you were invited to a survey, use the link in your invitation.", page, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/admin/login\">Sign in</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/dashboards\">Dashboards</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin\">Surveys</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_shows_no_survey_wave_or_link_even_while_waves_are_open()
    {
        using var anonymous = _app.Client();
        using var admin = await _app.AdminClientAsync();

        foreach (var page in new[] { await anonymous.GetStringAsync("/"), await admin.GetStringAsync("/") })
        {
            Assert.DoesNotContain("/s/", page, StringComparison.Ordinal);
            Assert.DoesNotContain(SurveyWebApp.OpenWave, page, StringComparison.Ordinal);
            Assert.DoesNotContain(SurveyWebApp.NamedWave, page, StringComparison.Ordinal);
            Assert.DoesNotContain("Developer experience pulse", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Signed in as", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Admin_links_of_the_home_page_open_for_a_signed_in_admin_and_ask_others_to_sign_in()
    {
        using var anonymous = _app.Client(followRedirects: false);
        using var admin = await _app.AdminClientAsync();

        foreach (var path in new[] { "/admin/dashboards", "/admin", "/admin/sources", "/admin/reports", "/admin/audit" })
        {
            using var signedIn = await admin.GetAsync(path);
            using var signedOut = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.StartsWith("/admin/login", signedOut.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
