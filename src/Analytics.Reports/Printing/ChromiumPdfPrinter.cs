using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Analytics.Reports.Printing;

/// <summary>
/// Prints HTML files to PDF with one headless Chromium (Debian's <c>chromium</c>) driven by Playwright. The browser
/// is launched on the first print and kept warm for every report after it (a fresh, offline browser context each
/// time); disposing the printer closes it. Every print is bounded by <see cref="ReportOptions.PrintTimeout"/>: a
/// missing browser or a hang becomes a clear <see cref="ReportException"/>, never a wait.
/// </summary>
public sealed partial class ChromiumPdfPrinter(IOptions<ReportOptions> options, ILogger<ChromiumPdfPrinter> logger) : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];
    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser that will print: the configured path, or the first one installed.</summary>
    public string Browser()
    {
        if (options.Value.ChromiumPath is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new ReportException($"Chromium was not found at {configured} (Pulse:Reports:ChromiumPath). Install it (Debian: apt-get install -y chromium) or fix the path.");
        }

        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new ReportException("Chromium is needed to print the PDF and was not found. Install it (Debian: apt-get install -y chromium) or set Pulse:Reports:ChromiumPath.");
    }

    /// <summary>
    /// Prints <paramref name="html"/> (a file) to <paramref name="pdf"/> on A4 with Chromium's header and footer
    /// templates (<paramref name="header"/>, <paramref name="footer"/>: HTML, see <c>PageHeader.razor</c>) on every page.
    /// </summary>
    public async Task PrintAsync(string html, string pdf, string header, string footer, CancellationToken cancellationToken)
    {
        var timeout = options.Value.PrintTimeout;
        try
        {
            await PrintWithinAsync(html, pdf, header, footer, timeout, cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException && !cancellationToken.IsCancellationRequested)
        {
            // A browser that hung or broke is not kept: the next report launches a new one.
            await CloseAsync();
            throw error is TimeoutException || error.Message.StartsWith("Timeout", StringComparison.Ordinal)
                ? new ReportException($"Chromium did not finish printing within {timeout.TotalSeconds:N0} s and was stopped.")
                : new ReportException($"Chromium could not print the report: {FirstLine(error.Message)}");
        }
    }

    /// <summary>Closes the browser.</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _launch.Dispose();
    }

    private async Task PrintWithinAsync(string html, string pdf, string header, string footer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var browser = await BrowserAsync(timeout, cancellationToken);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { Offline = true, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        var milliseconds = (float)timeout.TotalMilliseconds;
        await page.GotoAsync(new Uri(Path.GetFullPath(html)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = milliseconds });
        cancellationToken.ThrowIfCancellationRequested();
        await page.PdfAsync(new PagePdfOptions
        {
            Path = pdf,
            Format = "A4",
            PrintBackground = true,
            PreferCSSPageSize = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = header,
            FooterTemplate = footer,
            Margin = new Margin { Top = "18mm", Right = "16mm", Bottom = "20mm", Left = "16mm" },
        });
    }

    /// <summary>The warm browser, launched on first use (and again if it has gone away).</summary>
    private async Task<IBrowser> BrowserAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _launch.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } warm)
            {
                return warm;
            }

            await CloseAsync();
            var path = Browser();
            var started = TimeProvider.System.GetTimestamp();
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Timeout = (float)timeout.TotalMilliseconds,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
            });
            var elapsed = TimeProvider.System.GetElapsedTime(started).TotalMilliseconds;
            LogLaunched(path, elapsed);
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    private async Task CloseAsync()
    {
        var (browser, playwright) = (_browser, _playwright);
        (_browser, _playwright) = (null, null);
        if (browser is not null)
        {
            try
            {
                await browser.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone: nothing left to close.
            }
        }

        playwright?.Dispose();
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium {Path} launched for printing in {Milliseconds:N0} ms; it stays warm for the next report")]
    private partial void LogLaunched(string path, double milliseconds);
}
