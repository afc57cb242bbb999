using System.Runtime.Versioning;
using Analytics.Core.Metrics;
using Analytics.Core.Organisation;
using Analytics.Reports.Charts;
using Analytics.Reports.Printing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>
/// The PDF as Chromium prints it (read back with PdfPig), one warm browser for several reports, and what is left
/// at <c>--out</c> when Chromium is missing or hangs: nothing.
/// </summary>
public sealed class PdfPrintingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 10, 15, 10, 0, 0, TimeSpan.Zero);
    private readonly ReportDatabase _db = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-pdf-").FullName;

    public PdfPrintingTests()
    {
        _db.Write([new Team("t1", "Payments", null, false, "UTC", "test")]);
    }

    [Fact]
    public async Task One_warm_browser_prints_every_report_with_a_running_header_and_page_numbers()
    {
        await using var printer = Printer(new ReportOptions());
        var generator = Generator(printer, new ReportOptions());
        var first = Path.Combine(_folder, "first.pdf");
        var second = Path.Combine(_folder, "second.pdf");

        await generator.PdfAsync(new Quarter(2026, 3), null, first, null, CancellationToken.None);
        var (_, timings) = await generator.PdfAsync(new Quarter(2026, 3), "t1", second, null, CancellationToken.None);

        using var document = PdfDocument.Open(second);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.All(pages, (text, i) => Assert.Contains($"Page {i + 1} of {pages.Count}", text, StringComparison.Ordinal));
        Assert.All(pages, text => Assert.Contains("Acme · Developer platform quarterly review — 2026-Q3 — Payments", text, StringComparison.Ordinal));
        Assert.True(File.Exists(first));
        Assert.False(File.Exists(second + ".partial"));
        Assert.True(timings.Printing > TimeSpan.Zero);
    }

    [Fact]
    public async Task Missing_chromium_is_one_clear_error_and_nothing_is_written()
    {
        var options = new ReportOptions { ChromiumPath = "/nonexistent/chromium" };
        await using var printer = Printer(options);
        var pdf = Path.Combine(_folder, "missing.pdf");

        var error = await Assert.ThrowsAsync<ReportException>(() => Generator(printer, options).PdfAsync(new Quarter(2026, 3), null, pdf, null, CancellationToken.None));

        Assert.Equal("Chromium was not found at /nonexistent/chromium (Pulse:Reports:ChromiumPath). Install it (Debian: apt-get install -y chromium) or fix the path.", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task A_hanging_chromium_is_stopped_at_the_timeout_and_leaves_nothing_at_the_output()
    {
        // A "browser" that starts and never answers.
        var fake = Path.Combine(_folder, "chromium");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\nexec sleep 300\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new ReportOptions { ChromiumPath = fake, PrintTimeout = TimeSpan.FromSeconds(3) };
        await using var printer = Printer(options);
        var pdf = Path.Combine(_folder, "hang.pdf");

        var error = await Assert.ThrowsAsync<ReportException>(() => Generator(printer, options).PdfAsync(new Quarter(2026, 3), null, pdf, null, CancellationToken.None));

        Assert.Equal("Chromium did not finish printing within 3 s and was stopped.", error.Message);
        Assert.False(File.Exists(pdf));
        Assert.False(File.Exists(pdf + ".partial"));
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static ChromiumPdfPrinter Printer(ReportOptions options) => new(Options.Create(options), NullLogger<ChromiumPdfPrinter>.Instance);

    private ReportGenerator Generator(ChromiumPdfPrinter printer, ReportOptions options)
    {
        var wrapped = Options.Create(options);
        return new ReportGenerator(_db.Builder(Now), new ChartRenderer(wrapped), printer, wrapped, TimeProvider.System);
    }
}
