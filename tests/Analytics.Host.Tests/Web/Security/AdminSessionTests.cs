using System.Net;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>Signing out, and a new password, end the session: a copy of the cookie taken before no longer signs anyone in.</summary>
public sealed class AdminSessionTests : IDisposable
{
    private readonly SurveyWebApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_sent_to_sign_in_afterwards()
    {
        using var client = _app.Client(followRedirects: false);
        var cookie = await AdminSignIn.CookieAsync(client, "admin", SurveyWebApp.AdminPassword);
        using (var before = await AdminSignIn.ReplayAsync(_app, cookie, "/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signedOut = await AdminSignIn.PostFormAsync(client, "/admin", "/admin/logout");
        using var replayed = await AdminSignIn.ReplayAsync(_app, cookie, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/admin/login", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/admin/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_copied_before_a_password_change_is_sent_to_sign_in_afterwards()
    {
        using var client = _app.Client(followRedirects: false);
        var cookie = await AdminSignIn.CookieAsync(client, "admin", SurveyWebApp.AdminPassword);

        await _app.Factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", "a brand new passphrase", CancellationToken.None);
        using var replayed = await AdminSignIn.ReplayAsync(_app, cookie, "/admin/waves/pulse-open");

        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/admin/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_again_after_signing_out_works()
    {
        using var client = _app.Client(followRedirects: false);
        await AdminSignIn.CookieAsync(client, "admin", SurveyWebApp.AdminPassword);
        using var signedOut = await AdminSignIn.PostFormAsync(client, "/admin", "/admin/logout");

        var cookie = await AdminSignIn.CookieAsync(client, "admin", SurveyWebApp.AdminPassword);
        using var home = await AdminSignIn.ReplayAsync(_app, cookie, "/admin");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
