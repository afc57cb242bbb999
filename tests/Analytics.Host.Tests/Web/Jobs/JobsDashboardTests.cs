using System.Net;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Host.Web.Admin;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Jobs;

/// <summary>Hangfire's dashboard at <c>/admin/jobs</c>: signed-in admins only, read-only for viewers.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-dashboard-").FullName;
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "dashboard.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseSetting("Pulse:Sources:PagerDuty:Cron", "0 2 * * *"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Anyone_not_signed_in_is_sent_to_sign_in_or_refused()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/admin/login?returnUrl=%2Fadmin%2Fjobs%2Frecurring", page.Headers.Location!.OriginalString);

        using var stats = await client.PostAsync("/admin/jobs/stats", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Unauthorized, stats.StatusCode);
        using var trigger = await client.PostAsync("/admin/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "sync-pagerduty")]));
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode);
    }

    [Fact]
    public async Task An_admin_sees_the_jobs_and_may_act_on_them_with_a_way_back_to_admin()
    {
        using var client = _factory.CreateClient();
        using (await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin/sources")]))
        {
        }

        using var response = await client.GetAsync("/admin/jobs/recurring");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sync-pagerduty", page, StringComparison.Ordinal);
        Assert.Contains("Trigger now", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/jobs\">Jobs</a>", await client.GetStringAsync("/admin/sources"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_jobs_read_only()
    {
        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("vera", "a viewer's long passphrase", AdminRoles.Viewer, CancellationToken.None);
        using var client = _factory.CreateClient();
        using (await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "vera"), new("password", "a viewer's long passphrase"), new("returnUrl", "/admin/sources")]))
        {
        }

        using var response = await client.GetAsync("/admin/jobs/recurring");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sync-pagerduty", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Trigger now", page, StringComparison.Ordinal);
    }
}
