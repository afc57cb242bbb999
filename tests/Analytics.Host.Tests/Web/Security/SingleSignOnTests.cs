using System.Net;
using System.Security.Cryptography;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>
/// Sign-in with an OpenID Connect provider (a local one, <see cref="TestIdentityProvider"/>), the whole code flow
/// driven by hand: the provider's role claim decides admin or viewer, and a token without a role, signed with
/// another key or meant for another client gets no session.
/// </summary>
public sealed class SingleSignOnTests : IDisposable
{
    private readonly TestIdentityProvider _provider;
    private readonly SurveyWebApp _app;

    public SingleSignOnTests()
    {
        _provider = TestIdentityProvider.StartAsync().GetAwaiter().GetResult();
        _app = new SurveyWebApp(settings: new Dictionary<string, string>
        {
            ["Pulse:Admin:Oidc:Authority"] = _provider.Authority,
            ["Pulse:Admin:Oidc:ClientId"] = TestIdentityProvider.ClientId,
            ["Pulse:Admin:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
            ["Pulse:Admin:Oidc:DisplayName"] = "Example ID",
            ["Pulse:Admin:Oidc:RequireHttpsMetadata"] = "false",
        });
        _provider.Clock = _app.Clock;
    }

    public void Dispose()
    {
        _app.Dispose();
        _provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_provider()
    {
        using var client = _app.Client();
        var page = await client.GetStringAsync("/admin/login?returnUrl=%2Fadmin%2Fsources");

        Assert.Contains("<a class=\"button\" href=\"/admin/login/sso?returnUrl=%2Fadmin%2Fsources\">Sign in with Example ID</a>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Password</label>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_the_admin_role_may_use_every_admin_page()
    {
        _provider.Roles = ["staff", "pulse-admin"];
        using var client = _app.Client(followRedirects: false);

        using var signedIn = await SignInAsync(client);
        using var home = await client.GetAsync("/admin");
        using var closed = await AdminSignIn.PostFormAsync(client, "/admin/waves/pulse-open", "/admin/waves/pulse-open/close");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Signed in as sso.user", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("closed", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
    }

    [Fact]
    public async Task A_cookie_copied_before_signing_out_of_a_single_sign_on_session_is_sent_to_sign_in()
    {
        _provider.Roles = ["pulse-admin"];
        using var client = _app.Client(followRedirects: false);
        using var signedIn = await SignInAsync(client);
        var cookie = AdminSignIn.AdminCookie(signedIn)!;
        using (var before = await AdminSignIn.ReplayAsync(_app, cookie, "/admin"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signedOut = await AdminSignIn.PostFormAsync(client, "/admin", "/admin/logout");
        using var replayed = await AdminSignIn.ReplayAsync(_app, cookie, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/admin/login", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_with_the_viewer_role_may_look_but_not_post()
    {
        _provider.Roles = ["pulse-viewer"];
        using var client = _app.Client(followRedirects: false);

        using var signedIn = await SignInAsync(client);
        using var wave = await client.GetAsync("/admin/waves/pulse-open");
        using var close = await AdminSignIn.PostFormAsync(client, "/admin/waves/pulse-open", "/admin/waves/pulse-open/close");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wave.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Equal("open", _app.Scalar<string>("SELECT status FROM survey_waves WHERE wave_id = 'pulse-open'"));
    }

    [Fact]
    public async Task A_user_without_a_pulse_role_is_refused()
    {
        _provider.Roles = ["staff"];
        await AssertRefusedAsync(HttpStatusCode.Forbidden, "your account has no Pulse role");
    }

    [Fact]
    public async Task A_user_whose_token_has_no_role_claim_is_refused()
    {
        _provider.Roles = [];
        await AssertRefusedAsync(HttpStatusCode.Forbidden, "your account has no Pulse role");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        _provider.Roles = ["pulse-admin"];
        using var forged = RSA.Create(2048);
        _provider.ForgedKey = forged;
        await AssertRefusedAsync(HttpStatusCode.Unauthorized, "could not be checked");
    }

    [Fact]
    public async Task A_token_for_another_client_is_refused()
    {
        _provider.Roles = ["pulse-admin"];
        _provider.Audience = "some-other-app";
        await AssertRefusedAsync(HttpStatusCode.Unauthorized, "could not be checked");
    }

    [Theory]
    [InlineData("--Pulse:Admin:Oidc:Authority=https://login.example.com", "error: Pulse:Admin:Oidc:ClientId is not set; single sign-on with https://login.example.com needs the client id Pulse is registered under.")]
    [InlineData("--Pulse:Admin:Oidc:ClientId=pulse", "error: Pulse:Admin:Oidc:Authority is not set; single sign-on needs the provider's issuer URL with Pulse:Admin:Oidc:ClientId.")]
    [InlineData("--Pulse:Admin:Oidc:Authority=login.example.com", "error: Pulse:Admin:Oidc:Authority: 'login.example.com' is not an http(s) URL such as https://login.example.com.")]
    public async Task A_half_configured_provider_fails_the_start_naming_the_setting(string setting, string message)
    {
        var folder = Directory.CreateTempSubdirectory("pulse-oidc-").FullName;
        try
        {
            var (exit, _, error) = await CliProcess.RunAsync(folder, "serve", "--db", "oidc.duckdb", "--urls", "http://127.0.0.1:0", setting);

            Assert.Equal(1, exit);
            Assert.Equal(message, error.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the code flow: Pulse sends the browser to the provider, which sends it back with a code; the answer to that.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(HttpClient pulse)
    {
        using var challenge = await pulse.GetAsync("/admin/login/sso?returnUrl=%2Fadmin");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var authorized = await browser.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        return await pulse.GetAsync(authorized.Headers.Location);
    }

    private async Task AssertRefusedAsync(HttpStatusCode status, string reason)
    {
        using var client = _app.Client(followRedirects: false);
        using var callback = await SignInAsync(client);
        using var home = await client.GetAsync("/admin");

        Assert.Equal(status, callback.StatusCode);
        Assert.Contains(reason, await callback.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(AdminSignIn.AdminCookie(callback));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/admin/login", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
