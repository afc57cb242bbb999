using System.Net;
using Analytics.Core.Storage;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>
/// A platform PM's walk through the dashboards in Debian's chromium (Playwright) on a seeded organisation served by
/// Kestrel on loopback: sign in, every dashboard, a filter through the form, a drill-down from a change failure rate to
/// the incident behind it, and a CSV download. Screenshots of each step go to <c>screens/dashboards</c> in the test output.
/// </summary>
public sealed class DashboardBrowserTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-browse-").FullName;
    private readonly string _screens = Path.Combine(AppContext.BaseDirectory, "screens", "dashboards");
    private WebApplicationFactory<Program> _factory = null!;
    private Uri _base = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    /// <summary>Mid-October 2026: 2026-Q3 is the latest complete quarter.</summary>
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
        var database = Path.Combine(_folder, "browse.duckdb");
        File.Copy(seeded.Path, database, overwrite: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(Clock));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        using (var warmUp = _factory.CreateClient())
        {
            _base = warmUp.BaseAddress!;
        }

        Directory.CreateDirectory(_screens);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_PM_filters_drills_down_to_an_incident_and_downloads_a_csv()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("/admin/login?ReturnUrl=%2Fadmin%2Fdashboards"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", SurveyWebApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForSelectorAsync("h1:has-text('Overview, 2026-Q3')");
        await ShotAsync(page, "01-overview");

        await page.FillAsync("#quarter", "2026-Q2");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForSelectorAsync("h1:has-text('Overview, 2026-Q2')");
        Assert.Contains("quarter=2026-Q2", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "02-overview-filtered");

        await page.ClickAsync("nav.tabs a:has-text('Delivery')");
        await page.WaitForSelectorAsync("h1:has-text('Delivery, 2026-Q2')");
        Assert.Contains("quarter=2026-Q2", page.Url, StringComparison.Ordinal);
        await page.SelectOptionAsync("#team", "platform");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("team=platform", StringComparison.Ordinal));
        await ShotAsync(page, "03-delivery-team-filtered");

        await page.FillAsync("#quarter", "2026-Q3");
        await page.SelectOptionAsync("#team", "");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForSelectorAsync("h1:text-is('Delivery, 2026-Q3')");
        await ShotAsync(page, "04-delivery");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:has-text('Download this table as CSV')"));
        var saved = Path.Combine(_folder, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.Equal("delivery-2026-Q3.csv", download.SuggestedFilename);
        Assert.StartsWith("team,deployments,deployments_per_day,median_lead_time_hours,change_failure_rate", (await File.ReadAllLinesAsync(saved))[0], StringComparison.Ordinal);
        var csv = await context.APIRequest.GetAsync(Url("/admin/dashboards/delivery.csv?quarter=2026-Q3"));
        Assert.Equal("text/csv; charset=utf-8", csv.Headers["content-type"]);

        await page.ClickAsync("th[scope=row] a[href^='/admin/dashboards/teams/platform?']");
        await page.WaitForSelectorAsync("h1:has-text('delivery to 2026-Q3')");
        await ShotAsync(page, "05-team");

        await page.ClickAsync("ul.cards a[href*='/failures']");
        await page.WaitForSelectorAsync("h1:has-text('failed deployments in 2026-Q3')");
        await ShotAsync(page, "06-failures");
        var item = page.Locator("ul.incidents li").First;
        var incidentId = (await item.Locator(".incident-id").InnerTextAsync()).Trim();
        var text = await item.InnerTextAsync();
        using (var connection = _factory.Services.GetRequiredService<PulseDatabase>().Open())
        {
            var stored = connection.QuerySingle<(string Title, string? Deployment, string? Sha)>(
                "SELECT title, caused_by_deployment_id, caused_by_sha FROM incidents WHERE incident_id = $id", new { id = incidentId });
            Assert.Contains(stored.Title, text, StringComparison.Ordinal);
            Assert.Equal(stored.Deployment is null && stored.Sha is null, text.Contains("inferred:", StringComparison.Ordinal));
        }

        await page.GotoAsync(Url("/admin/dashboards/sentiment?quarter=2026-Q3"));
        await page.WaitForSelectorAsync("h1:has-text('Sentiment')");
        await ShotAsync(page, "07-sentiment");

        await page.ClickAsync("nav.tabs a:has-text('Data health')");
        await page.WaitForSelectorAsync("h1:has-text('Data health')");
        Assert.Contains("quarter=2026-Q3", page.Url, StringComparison.Ordinal);
        await ShotAsync(page, "08-data-health");
        await context.CloseAsync();
    }

    private string Url(string path) => new Uri(_base, path).ToString();

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screens, name + ".png"), FullPage = true });
}
