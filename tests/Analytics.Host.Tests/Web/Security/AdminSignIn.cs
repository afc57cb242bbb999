using System.Net;
using Analytics.Host.Tests.Web.Surveys;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>Signing in and posting admin forms the way a browser does, keeping hold of the <c>pulse-admin</c> cookie.</summary>
public static class AdminSignIn
{
    /// <summary>Signs in on <paramref name="client"/> (which must not follow redirects); the response to the sign-in post.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string username, string password) =>
        SurveyWebApp.FillAsync(client, "/admin/login", [new("username", username), new("password", password), new("returnUrl", "/admin")]);

    /// <summary>Signs in and returns the <c>pulse-admin</c> cookie as a browser would send it back (<c>name=value</c>).</summary>
    public static async Task<string> CookieAsync(HttpClient client, string username, string password)
    {
        using var response = await PostAsync(client, username, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return AdminCookie(response) ?? throw new InvalidOperationException("The sign-in set no pulse-admin cookie.");
    }

    /// <summary>The <c>pulse-admin</c> cookie a response sets, as <c>name=value</c>, or null.</summary>
    public static string? AdminCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith("pulse-admin=", StringComparison.Ordinal) && !c.StartsWith("pulse-admin=;", StringComparison.Ordinal))?.Split(';')[0]
            : null;

    /// <summary>A GET with only <paramref name="cookie"/>, as someone who copied it would send it.</summary>
    public static async Task<HttpResponseMessage> ReplayAsync(SurveyWebApp app, string cookie, string path)
    {
        using var client = app.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>Posts the form on <paramref name="page"/> to <paramref name="action"/> with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        using var shown = await client.GetAsync(page);
        var token = SurveyWebApp.HiddenFields(await shown.Content.ReadAsStringAsync()).Where(f => f.Key == "__RequestVerificationToken");
        return await client.PostAsync(action, new FormUrlEncodedContent(token.Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)))));
    }
}
