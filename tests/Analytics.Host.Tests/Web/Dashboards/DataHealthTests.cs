using System.Net;
using Analytics.Core.Storage;
using Analytics.Host.Tests.Web.Surveys;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>The data-health dashboard on a new database, before and after ingestion recorded runs and refused records.</summary>
public sealed class DataHealthTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-health-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public DataHealthTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "health.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task Before_any_ingestion_both_sections_say_why_they_are_empty()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/data-health");

        Assert.Contains("<title>Data health – Pulse</title>", html, StringComparison.Ordinal);
        Assert.Contains("No ingestion has run yet", html, StringComparison.Ordinal);
        Assert.Contains("No record was refused", html, StringComparison.Ordinal);
        Assert.Contains("No source has recorded a watermark yet", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/sources\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Data health</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runs_show_per_source_and_refused_records_page_by_fifty_with_location_and_reason()
    {
        using var client = await SignedInAsync();
        await ExecuteAsync("""
            INSERT INTO ingestion_runs (run_id, source, trigger, started_at, finished_at, status, rows_inserted, rows_updated, rows_rejected, error) VALUES
              ('00000000-0000-0000-0000-000000000001', 'github', 'schedule', '2026-10-14 08:00:00+00', '2026-10-14 08:01:00+00', 'succeeded', 120, 7, 51, NULL),
              ('00000000-0000-0000-0000-000000000002', 'pagerduty', 'manual', '2026-10-14 09:00:00+00', '2026-10-14 09:00:05+00', 'failed', 0, 0, 0, 'PagerDuty answered 401 Unauthorized');
            INSERT INTO ingestion_watermarks VALUES ('github', 'acme/api deployments', '2026-10-14T07:59:00Z', '2026-10-14 08:01:00+00');
            INSERT INTO dead_letters
            SELECT uuid(), '00000000-0000-0000-0000-000000000001', 'github', 'deployments', '{"id":' || i || '}',
                   'acme/api deployment ' || i || ': ''environment'' is empty.', TIMESTAMPTZ '2026-10-14 08:00:00+00' + to_seconds(i)
            FROM range(1, 52) t(i);
            """);

        var first = await client.GetStringAsync("/admin/dashboards/data-health");
        var second = await client.GetStringAsync("/admin/dashboards/data-health?page=2");

        Assert.Contains("PagerDuty answered 401 Unauthorized", first, StringComparison.Ordinal);
        Assert.Contains("<td>acme/api deployments</td><td>2026-10-14T07:59:00Z</td><td>2026-10-14 08:01</td>", first, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">120</td>", first, StringComparison.Ordinal);
        Assert.Contains("51 records were refused", first, StringComparison.Ordinal);
        Assert.Contains("<td>acme/api deployment 51</td><td>&#x27;environment&#x27; is empty.</td>", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Equal(50, CountOf(first, "acme/api deployment "));
        Assert.Equal(1, CountOf(second, "acme/api deployment "));
        Assert.Contains("<td>acme/api deployment 1</td>", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("two")]
    [InlineData("-1")]
    public async Task A_page_number_out_of_range_is_a_page_naming_it(string page)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync($"/admin/dashboards/data-health?page={page}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"There is no page &#x27;{page}&#x27; of refused records: give a whole number from 1 to 1.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_records_download_as_csv_with_formulas_defused()
    {
        using var client = await SignedInAsync();
        await ExecuteAsync("""
            INSERT INTO dead_letters VALUES
              (uuid(), NULL, 'import', 'incidents', '=HYPERLINK("http://x")', 'line 3: =1+1 is not a timestamp.', '2026-10-14 08:00:00+00');
            """);

        using var response = await client.GetAsync("/admin/dashboards/dead-letters.csv");
        var lines = (await response.Content.ReadAsStringAsync()).Trim().Split('\n');

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("received_at,source,entity,location,reason,payload", lines[0]);
        Assert.Equal("2026-10-14T08:00:00Z,import,incidents,line 3,'=1+1 is not a timestamp.,\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1]);
    }

    [Fact]
    public async Task The_csv_needs_a_session()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/admin/dashboards/dead-letters.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int CountOf(string html, string text) => html.Split(text).Length - 1;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await _factory.Services.GetRequiredService<PulseDatabase>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        return await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");
    }
}
