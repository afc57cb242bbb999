using System.Net;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>Where a good sign-in goes: the <c>returnUrl</c> when it is a local path, <c>/admin</c> otherwise.</summary>
public sealed class AdminReturnUrlTests : IDisposable
{
    private readonly SurveyWebApp _app = new(kestrel: true);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/admin\\..\\\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("evil.example")]
    public async Task Sign_in_with_a_foreign_returnUrl_goes_to_admin(string returnUrl)
    {
        using var response = await SignInAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_with_a_local_returnUrl_goes_there()
    {
        using var response = await SignInAsync("/admin/waves/pulse-open?tab=links");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/waves/pulse-open?tab=links", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_page_does_not_carry_a_foreign_returnUrl()
    {
        using var client = _app.Client();
        var page = await client.GetStringAsync("/admin/login?returnUrl=" + Uri.EscapeDataString("/\t/evil.example"));

        Assert.Equal("", SurveyWebApp.HiddenFields(page)["returnUrl"]);
    }

    private async Task<HttpResponseMessage> SignInAsync(string returnUrl)
    {
        // The real server's address with a cookie jar of its own and no redirect following, to see the Location.
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = _app.BaseAddress };
        return await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", returnUrl)],
            hidden => hidden.Where(h => h.Key != "returnUrl").ToDictionary());
    }
}
