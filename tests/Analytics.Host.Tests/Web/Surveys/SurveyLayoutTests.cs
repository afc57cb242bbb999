using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// How the default DevEx pulse looks in Debian's chromium: on a 390-pixel phone the 0–10 scale stays on one row
/// and the whole form is far shorter than the 20-question page it replaced (5,064 px tall at 390 px, 4,478 px at
/// 1,280 px). Screenshots go to
/// <c>TestResults/screenshots</c>.
/// </summary>
public sealed class SurveyLayoutTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string OpenPath = "/s/open/" + SurveyWebApp.OpenWave;
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

    [Fact]
    public async Task Nps_scale_is_one_row_on_a_390_pixel_phone_without_sideways_scrolling()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, OpenPath).ToString());

        var tops = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('input[name=q_nps] + label')].map(l => l.getBoundingClientRect().top)");
        Assert.Equal(11, tops.Length);
        Assert.Single(tops.Distinct());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var smallest = await page.EvaluateAsync<double[]>("(() => { const r = [...document.querySelectorAll('input[name=q_nps] + label')].map(l => l.getBoundingClientRect()); return [Math.min(...r.map(b => b.width)), Math.min(...r.map(b => b.height))]; })()");
        Assert.True(smallest[0] >= 24 && smallest[1] >= 44, $"Each score is at least 24 px wide and 44 px tall (WCAG 2.2 target size); the smallest is {smallest[0]} × {smallest[1]}.");
    }

    [Fact]
    public async Task Default_form_is_under_2500_pixels_tall_on_a_390_pixel_phone()
    {
        var page = await PhoneAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, OpenPath).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SurveyBrowserTests.Screenshot("survey-390.png"), FullPage = true });
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        output.WriteLine($"Default form at 390 px: {height} px tall.");

        Assert.True(height < 2500, $"The default form is {height} px tall at 390 px.");
    }

    [Fact]
    public async Task Form_at_1280_pixels_shows_the_statements_and_the_stages_as_two_grids()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(_app.BaseAddress, OpenPath).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = SurveyBrowserTests.Screenshot("survey-1280.png"), FullPage = true });
        output.WriteLine($"Default form at 1280 px: {await page.EvaluateAsync<int>("document.documentElement.scrollHeight")} px tall.");

        Assert.Equal(new[] { 6, 6 }, await page.EvaluateAsync<int[]>("[...document.querySelectorAll('table.grid')].map(t => t.tBodies[0].rows.length)"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Form_has_no_serious_or_critical_accessibility_violations(bool blocks, bool withErrors)
    {
        if (blocks)
        {
            _app.AskOptionalBlocks(SurveyWebApp.OpenWave, "capabilities", "improvement");
        }

        var page = await PhoneAsync();
        await page.GotoAsync(new Uri(_app.BaseAddress, OpenPath).ToString());
        if (withErrors)
        {
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
        }

        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(blocking.Count == 0, string.Join('\n', blocking));
        Assert.NotEmpty(result.Passes);
    }

    private Task<IPage> PhoneAsync() =>
        _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 2 });
}
