using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Analytics.Reports.Printing;

/// <summary>
/// Prints an HTML file to PDF with headless Chromium (Debian's <c>chromium</c>), in a fresh profile, offline, and
/// within <see cref="ReportOptions.PrintTimeout"/>: a missing browser or a hang becomes a clear error, never a wait.
/// </summary>
public sealed class ChromiumPdfPrinter(IOptions<ReportOptions> options)
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

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

    /// <summary>Prints <paramref name="html"/> (a file) to <paramref name="pdf"/>.</summary>
    public async Task PrintAsync(string html, string pdf, CancellationToken cancellationToken)
    {
        var browser = Browser();
        var profile = Directory.CreateTempSubdirectory("pulse-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update",
                "--disable-sync", $"--user-data-dir={profile}", "--no-pdf-header-footer", "--virtual-time-budget=5000",
                $"--print-to-pdf={pdf}", new Uri(Path.GetFullPath(html)).AbsoluteUri,
            ])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start) ?? throw new ReportException($"Chromium ({browser}) could not be started.");
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PrintTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                throw new ReportException($"Chromium did not finish printing within {options.Value.PrintTimeout.TotalSeconds:N0} s and was stopped.");
            }

            if (process.ExitCode != 0 || !File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var detail = (await errors).Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim();
                throw new ReportException($"Chromium could not print the report (exit code {process.ExitCode}){(detail is null ? "" : ": " + detail)}.");
            }
        }
        catch (Win32Exception error)
        {
            throw new ReportException($"Chromium ({browser}) could not be run: {error.Message}.");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
