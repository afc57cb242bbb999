using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// axe-core's rules, run by Debian's chromium through Playwright, find nothing serious or critical on the admin
/// wave page (which no longer refreshes itself, WCAG 2.2.1), the confirmation pages, the audit log, the dashboards,
/// the API keys page, the home page, sign-in, sources, surveys and reports.
/// </summary>
public sealed class AdminAccessibilityTests : IAsyncLifetime, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly SurveyWebApp _app = new(kestrel: true);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does.");
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
    }

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/admin/waves/pulse-named", "Response rate")]
    [InlineData("/admin/waves/pulse-named/close", "Close Named?")]
    [InlineData("/admin/waves/pulse-named/links", "New personal links for Named?")]
    [InlineData("/admin/audit", "Audit log")]
    [InlineData("/admin/dashboards", "No deployments or changes were recorded")]
    [InlineData("/admin/dashboards/delivery", "No team deployed")]
    [InlineData("/admin/api-keys", "Create key")]
    [InlineData("/", "If you were invited to a survey")]
    [InlineData("/admin/login", "Sign in to Pulse admin")]
    [InlineData("/admin/sources", "Can it run?")]
    [InlineData("/admin", "New survey from a template")]
    [InlineData("/admin/surveys/pulse", "Developer experience pulse")]
    [InlineData("/admin/reports", "Quarterly report")]
    public async Task Admin_page_has_no_serious_or_critical_accessibility_violations(string path, string heading)
    {
        // Links already sent, so that the wave page offers replacing them and the audit log has an entry.
        await _app.LinksAsync(SurveyWebApp.NamedWave);
        var page = await SignedInPageAsync();

        await page.GotoAsync(new Uri(_app.BaseAddress, path).ToString());
        await page.WaitForSelectorAsync($"text={heading}");
        var result = await page.RunAxe();

        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join('\n', blocking));
        Assert.NotEmpty(result.Passes);
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(_app.BaseAddress, "/admin/login").ToString());
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", SurveyWebApp.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("h1:has-text('Surveys')");
        return page;
    }
}
