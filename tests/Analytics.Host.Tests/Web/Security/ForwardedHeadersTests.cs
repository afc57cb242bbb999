using System.Net;
using System.Net.Http.Json;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>
/// <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c> over real HTTP: honoured from a configured proxy (the test
/// client on 127.0.0.1), ignored from anyone else.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Dictionary<string, string> LoopbackProxy = new() { ["Pulse:Web:KnownProxies:0"] = "127.0.0.1" };

    [Fact]
    public async Task Behind_a_configured_proxy_an_https_request_gets_secure_cookies()
    {
        using var app = new SurveyWebApp(kestrel: true, settings: LoopbackProxy);
        using var client = PlainClient(app);

        var (antiforgery, admin) = await SignInAsync(client, "https");

        Assert.Contains("pulse-antiforgery=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("pulse-admin=", admin, StringComparison.Ordinal);
        Assert.Contains("; secure", admin, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_a_plain_http_request_gets_cookies_without_secure()
    {
        using var app = new SurveyWebApp(kestrel: true, settings: LoopbackProxy);
        using var client = PlainClient(app);

        var (antiforgery, admin) = await SignInAsync(client, "http");

        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", admin, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_configured_proxy_the_forwarded_proto_is_ignored()
    {
        using var app = new SurveyWebApp(kestrel: true);
        using var client = PlainClient(app);

        var (antiforgery, admin) = await SignInAsync(client, "https");

        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("; secure", admin, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_rate_limits_count_each_forwarded_client()
    {
        using var app = new SurveyWebApp(ratingsPerMinute: 1, kestrel: true, settings: LoopbackProxy);
        using var client = PlainClient(app);

        Assert.Equal(HttpStatusCode.Created, await RateAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.Created, await RateAsync(client, "203.0.113.2"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RateAsync(client, "203.0.113.1"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_does_not_escape_the_rate_limit()
    {
        using var app = new SurveyWebApp(ratingsPerMinute: 1, kestrel: true);
        using var client = PlainClient(app);

        Assert.Equal(HttpStatusCode.Created, await RateAsync(client, "203.0.113.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await RateAsync(client, "203.0.113.2"));
    }

    [Theory]
    [InlineData("Pulse:Web:KnownProxies:0", "proxy.internal", "Pulse:Web:KnownProxies: 'proxy.internal' is not an IP address.")]
    [InlineData("Pulse:Web:KnownNetworks:0", "10.0.0.0", "Pulse:Web:KnownNetworks: '10.0.0.0' is not a network in CIDR form such as 10.0.0.0/8.")]
    public async Task A_proxy_setting_that_is_not_an_address_fails_the_start_naming_it(string key, string value, string message)
    {
        var folder = Directory.CreateTempSubdirectory("pulse-proxy-").FullName;
        try
        {
            var (exit, _, error) = await CliProcess.RunAsync(folder, "serve", "--db", "proxy.duckdb", "--urls", "http://127.0.0.1:0", $"--{key}={value}");

            Assert.Equal(1, exit);
            Assert.Equal("error: " + message, error.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A client without a cookie jar (it would not send back a Secure cookie over http), on the real server.</summary>
    private static HttpClient PlainClient(SurveyWebApp app) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    /// <summary>Loads the sign-in page and signs in, both as forwarded with <paramref name="proto"/>; the two Set-Cookie headers.</summary>
    private static async Task<(string Antiforgery, string Admin)> SignInAsync(HttpClient client, string proto)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        page.Headers.Add("X-Forwarded-Proto", proto);
        using var shown = await client.SendAsync(page);
        var antiforgery = shown.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-antiforgery=", StringComparison.Ordinal));
        var hidden = SurveyWebApp.HiddenFields(await shown.Content.ReadAsStringAsync());

        using var post = new HttpRequestMessage(HttpMethod.Post, "/admin/login")
        {
            Content = new FormUrlEncodedContent(hidden.Concat([new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin")])),
        };
        post.Headers.Add("X-Forwarded-Proto", proto);
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (antiforgery, signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pulse-admin=", StringComparison.Ordinal)));
    }

    private static async Task<HttpStatusCode> RateAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ratings") { Content = JsonContent.Create(new { capability = "deploys", score = 8 }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
