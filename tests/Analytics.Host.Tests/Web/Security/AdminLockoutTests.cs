using System.Net;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Security;

/// <summary>Five failed sign-ins for one username within 15 minutes lock it for 15 minutes, from any address.</summary>
public sealed class AdminLockoutTests
{
    private const string Wrong = "not the password";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused_too()
    {
        using var app = new SurveyWebApp();
        using var client = app.Client(followRedirects: false);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await AdminSignIn.PostAsync(client, "admin", Wrong);
            statuses.Add(attempt.StatusCode);
        }

        using var right = await AdminSignIn.PostAsync(client, "admin", SurveyWebApp.AdminPassword);
        var page = WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync());
        var until = app.Clock.GetUtcNow().AddMinutes(15).UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("This account is locked", page, StringComparison.Ordinal);
        Assert.Contains($"Try again after {until} UTC.", page, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(15), right.Headers.RetryAfter!.Delta);
        Assert.Null(AdminSignIn.AdminCookie(right));
    }

    [Fact]
    public async Task The_lockout_ends_after_fifteen_minutes()
    {
        using var app = new SurveyWebApp();
        using var client = app.Client(followRedirects: false);
        for (var i = 0; i < 5; i++)
        {
            using var attempt = await AdminSignIn.PostAsync(client, "admin", Wrong);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        using var early = await AdminSignIn.PostAsync(client, "admin", SurveyWebApp.AdminPassword);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var onTime = await AdminSignIn.PostAsync(client, "admin", SurveyWebApp.AdminPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onTime.StatusCode);
    }

    [Fact]
    public async Task Failures_more_than_fifteen_minutes_apart_do_not_lock()
    {
        using var app = new SurveyWebApp();
        using var client = app.Client(followRedirects: false);
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await AdminSignIn.PostAsync(client, "admin", Wrong);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        using var fifth = await AdminSignIn.PostAsync(client, "admin", Wrong);
        using var right = await AdminSignIn.PostAsync(client, "admin", SurveyWebApp.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task Failures_from_different_addresses_lock_the_username_but_not_another_account()
    {
        using var app = new SurveyWebApp(kestrel: true, settings: new Dictionary<string, string> { ["Pulse:Web:KnownProxies:0"] = "127.0.0.1" });
        await app.Factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("pm.kim", "kim's own passphrase", CancellationToken.None);
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 5; i++)
        {
            using var attempt = await FromAsync(app, $"203.0.113.{i}", "admin", Wrong);
            statuses.Add(attempt.StatusCode);
        }

        using var right = await FromAsync(app, "198.51.100.7", "admin", SurveyWebApp.AdminPassword);
        using var other = await FromAsync(app, "203.0.113.1", "pm.kim", "kim's own passphrase");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task A_username_longer_than_any_account_is_refused_without_being_counted()
    {
        using var app = new SurveyWebApp();
        using var client = app.Client(followRedirects: false);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var attempt = await AdminSignIn.PostAsync(client, new string('a', 41), Wrong);
            statuses.Add(attempt.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    /// <summary>A sign-in through the configured proxy (the test on 127.0.0.1) for the client at <paramref name="address"/>.</summary>
    private static async Task<HttpResponseMessage> FromAsync(SurveyWebApp app, string address, string username, string password)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return await AdminSignIn.PostAsync(client, username, password);
    }
}
