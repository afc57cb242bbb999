using Microsoft.Playwright;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>
/// Debian's chromium, driven by Playwright, answers the survey with the keyboard alone, as someone who cannot
/// use a mouse would: Tab between questions, arrow keys within a scale, Space for boxes, Enter to send. The
/// script only reads which element has focus; every action is a key press. Screenshots go to
/// <c>TestResults/screenshots</c>.
/// </summary>
public sealed class SurveyBrowserTests : IAsyncLifetime, IDisposable
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

    [Fact]
    public async Task Survey_is_completed_with_the_keyboard_only()
    {
        // With the capability ratings on, so the keyboard also goes through a grid.
        _app.AskOptionalBlocks(SurveyWebApp.OpenWave, "capabilities", "improvement");
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        await page.GotoAsync(new Uri(_app.BaseAddress, "/s/open/" + SurveyWebApp.OpenWave).ToString());

        // Sending the empty form brings the error summary, focused, with a link per missing answer.
        await TabToAsync(page, "BUTTON");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal("error-summary", await page.EvaluateAsync<string>("document.activeElement.className"));
        Assert.Equal(8, await page.Locator(".error-summary li").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("survey-errors.png"), FullPage = false });

        // Answer every question from the top, by keyboard.
        var targets = new Dictionary<string, int>
        {
            ["q_nps"] = 9, ["q_csat_ci"] = 2, ["q_fl_local"] = 4, ["q_fl_deploy"] = 3, ["q_cl_docs"] = 2, ["q_cl_debug"] = 4,
            ["q_flow_focus"] = 5, ["q_flow_goals"] = 4, ["q_hours_lost"] = 2,
        };
        var seen = new HashSet<string>();
        await page.Keyboard.PressAsync("Tab");
        for (var presses = 0; presses < 200; presses++)
        {
            var focus = await page.EvaluateAsync<string[]>("[document.activeElement.tagName, document.activeElement.type || '', document.activeElement.name || '', document.activeElement.value || '']");
            var (tag, type, name) = (focus[0], focus[1], focus[2]);
            if (tag == "BUTTON")
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("survey-keyboard-filled.png"), FullPage = true });
                await page.Keyboard.PressAsync("Enter");
                break;
            }

            if (type == "radio" && seen.Add(name) && targets.TryGetValue(name, out var target))
            {
                // Tab lands on a group's first option; each arrow press moves to and selects the next.
                var steps = name == "q_hours_lost" ? target : target - int.Parse(focus[3], System.Globalization.CultureInfo.InvariantCulture);
                if (steps == 0)
                {
                    await page.Keyboard.PressAsync("Space");
                }

                for (var i = 0; i < steps; i++)
                {
                    await page.Keyboard.PressAsync("ArrowRight");
                }
            }
            else if (tag == "SELECT" && seen.Add(name))
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            else if (tag == "TEXTAREA" && seen.Add(name))
            {
                await page.Keyboard.TypeAsync(name == "q_obstacle" ? "Waiting on CI" : "Faster builds");
            }

            await page.Keyboard.PressAsync("Tab");
        }

        await page.WaitForSelectorAsync("text=Thank you, your answers are saved");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("survey-thanks.png") });
        Assert.Equal("payments|9|2|3–5 hours|Waiting on CI", _app.Scalar<string>("""
            SELECT r.team_id || '|' || max(a.numeric_value) FILTER (question_id = 'nps') || '|' || max(a.numeric_value) FILTER (question_id = 'csat_ci')
                   || '|' || max(a.choice_values[1]) FILTER (question_id = 'hours_lost') || '|' || max(a.text_value) FILTER (question_id = 'obstacle')
            FROM survey_responses r JOIN survey_answers a USING (response_id) GROUP BY r.team_id
            """));
    }

    [Fact]
    public async Task Form_fits_a_phone_screen()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, DeviceScaleFactor = 2 });
        await page.GotoAsync(new Uri(_app.BaseAddress, "/s/open/" + SurveyWebApp.OpenWave).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("survey-phone.png") });

        // Nothing wider than the screen: no sideways scrolling on a phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Equal("rgb(26, 79, 181)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('button')).backgroundColor"));
    }

    [Fact]
    public async Task Admin_signs_in_and_watches_a_wave_in_the_browser()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(new Uri(_app.BaseAddress, "/admin/waves/" + SurveyWebApp.OpenWave).ToString());
        Assert.EndsWith("/admin/login?ReturnUrl=%2Fadmin%2Fwaves%2Fpulse-open", page.Url, StringComparison.Ordinal);

        await page.Keyboard.PressAsync("Tab");
        await TabToAsync(page, "INPUT");
        await page.Keyboard.TypeAsync("admin");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(SurveyWebApp.AdminPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h2:has-text('Response rate')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("admin-wave.png"), FullPage = true });
        Assert.Contains("/admin/waves/pulse-open", page.Url, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:{_app.BaseAddress.Port}/s/open/pulse-open", await page.Locator("code").InnerTextAsync());
        Assert.NotEqual(5000, _app.BaseAddress.Port);
        Assert.Equal(3, await page.Locator("tbody tr").CountAsync());

        await page.GotoAsync(new Uri(_app.BaseAddress, "/admin/surveys/pulse").ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshot("admin-survey.png") });
    }

    private static async Task TabToAsync(IPage page, string tag)
    {
        for (var i = 0; i < 100 && await page.EvaluateAsync<string>("document.activeElement.tagName") != tag; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
    }

    internal static string Screenshot(string name)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Analytics.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("Analytics.sln not found above the test output.");
        }

        var folder = Directory.CreateDirectory(Path.Combine(root, "TestResults", "screenshots")).FullName;
        return Path.Combine(folder, name);
    }
}
