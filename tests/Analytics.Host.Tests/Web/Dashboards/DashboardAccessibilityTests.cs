using System.Net;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys.Accounts;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>
/// axe-core, run by Debian's chromium through Playwright, finds nothing serious or critical on the dashboards with the
/// demo organisation's data in them: the charts, the shaded DevEx table, the themes and the adoption tables.
/// </summary>
public sealed class DashboardAccessibilityTests : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-dash-axe-").FullName;
    private readonly WebApplicationFactory<Program> _factory;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _base = null!;

    public DashboardAccessibilityTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "axe.duckdb");
        // The browser judges cookie expiry on the machine's clock, so the service's clock starts at the machine's time;
        // every page asks for its quarter explicitly, so what it shows does not depend on the day.
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "axe.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(new FakeTimeProvider(DateTimeOffset.UtcNow)));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as tests/run.sh does.");
        using (var warmUp = _factory.CreateClient())
        {
            _base = warmUp.BaseAddress!;
        }

        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", SurveyWebApp.AdminPassword, CancellationToken.None);
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

    [Theory]
    [InlineData("/admin/dashboards?quarter=2026-Q3", "Headline figures")]
    [InlineData("/admin/dashboards/teams/payments?quarter=2026-Q3", "Trends and forecasts")]
    [InlineData("/admin/dashboards/sentiment?quarter=2026-Q3", "Friction themes")]
    [InlineData("/admin/dashboards/adoption?quarter=2026-Q3", "Candidates for self-service")]
    [InlineData("/admin/dashboards/ai?quarter=2026-Q3", "Before and after adoption")]
    public async Task A_dashboard_with_data_has_no_serious_or_critical_accessibility_violations(string path, string heading)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(_base, "/admin/login?returnUrl=" + Uri.EscapeDataString(path)).ToString());
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", SurveyWebApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync($"h2:has-text('{heading}')");

        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html.Length > 200 ? n.Html[..200] : n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join('\n', blocking));
        Assert.NotEmpty(result.Passes);
    }
}
