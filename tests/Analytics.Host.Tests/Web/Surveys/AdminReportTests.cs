using System.Net;
using Analytics.Host.Tests.Cli;
using Analytics.Surveys.Audit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>The quarterly report in the web app: the HTML view with its SVG charts, and the PDF download.</summary>
public sealed class AdminReportTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-web-report-").FullName;
    private WebApplicationFactory<Program>? _factory;

    [Fact]
    public async Task Admin_views_the_report_and_downloads_the_pdf()
    {
        using var client = await SignedInAsync();
        var page = await client.GetStringAsync("/admin/reports");
        // Razor writes an empty attribute as a bare name, which HTML reads as value="".
        Assert.Matches("<option value(=\"\")?>The whole organisation</option>", page);

        using var view = await client.GetAsync("/admin/reports/view?quarter=2026-Q3");
        var html = await view.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/css/report.css\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Executive summary</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\" aria-label=\"Deployments per day by month", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        using var pdf = await client.GetAsync("/admin/reports/pdf?quarter=2026-Q3");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("pulse-2026-Q3.pdf", pdf.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..4]);
        var made = (await _factory!.Services.GetRequiredService<AdminAuditLog>().EntriesAsync(10, 0, CancellationToken.None)).Select(e => (e.Actor, e.Action, e.ObjectId, e.Detail));
        Assert.Equal([("admin", AuditActions.ReportGenerated, "2026-Q3", "PDF downloaded, whole organisation"), ("admin", AuditActions.ReportGenerated, "2026-Q3", "viewed, whole organisation")], made);
    }

    [Theory]
    [InlineData("/admin/reports/view?quarter=Q3", "&#x27;Q3&#x27; is not a quarter: write it like 2026-Q3.")]
    [InlineData("/admin/reports/pdf?quarter=2026-Q3&team=nope", "There is no team &#x27;nope&#x27;.")]
    public async Task Bad_quarter_or_team_comes_back_with_the_reason(string path, string message)
    {
        using var client = await SignedInAsync();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await _factory!.Services.GetRequiredService<AdminAuditLog>().CountAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        _factory?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var database = Path.Combine(_folder, "report.duckdb");
        File.Copy(seeded.Path, database, overwrite: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword));
        var client = _factory.CreateClient();
        using var signIn = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin/reports")]);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return client;
    }
}
