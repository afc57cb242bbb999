using System.Net;
using Analytics.Core.Metrics;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>The dashboards on a seeded organisation, read as a signed-in platform PM would.</summary>
public sealed class DashboardTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-dash-").FullName;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Mid-October 2026: 2026-Q3 is the latest complete quarter.</summary>
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_overview_defaults_to_the_latest_complete_quarter_with_its_figures()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards");

        Assert.Contains("<title>Overview, 2026-Q3 – Pulse</title>", html, StringComparison.Ordinal);
        var metrics = await _factory!.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var org = metrics.DeploymentFrequency.Single(r => r.Level == "organisation");
        Assert.Contains($"<p class=\"figure\">{Analytics.Host.Web.Dashboards.Format.Rate((double)org.Deployments / org.Days)}</p>", html, StringComparison.Ordinal);
        Assert.Contains("Headline figures", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_lists_every_team_sorted_as_asked_and_downloads_as_csv()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards/delivery?quarter=2026-Q3&sort=lead&dir=desc");
        using var csv = await client.GetAsync("/admin/dashboards/delivery.csv?quarter=2026-Q3&sort=lead&dir=desc");
        var lines = (await csv.Content.ReadAsStringAsync()).Trim().Split('\n');

        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("team,deployments,deployments_per_day,median_lead_time_hours", lines[0], StringComparison.Ordinal);
        var leadTimes = lines.Skip(1).Select(l => l.Split(',')[3]).Where(v => v.Length > 0).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(leadTimes.Count > 1);
        Assert.Equal(leadTimes.OrderByDescending(v => v), leadTimes);
    }

    [Fact]
    public async Task A_team_page_shows_the_year_month_by_month()
    {
        using var client = await SignedInAsync();
        var team = (await client.GetStringAsync("/admin/dashboards/delivery?quarter=2026-Q3")).Split("/admin/dashboards/teams/")[1].Split('?')[0];

        using var response = await client.GetAsync($"/admin/dashboards/teams/{team}?quarter=2026-Q3");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("September 2026", html, StringComparison.Ordinal);
        Assert.Contains("October 2025", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cached_quarter_results_are_reused_until_new_rows_arrive()
    {
        using var client = await SignedInAsync();
        var cache = _factory!.Services.GetRequiredService<Analytics.Host.Web.Dashboards.DashboardCache>();
        var q3 = new Quarter(2026, 3);

        var first = await cache.QuarterAsync(q3, null, q3.End, CancellationToken.None);
        var again = await cache.QuarterAsync(q3, null, q3.End, CancellationToken.None);
        using (var connection = _factory.Services.GetRequiredService<Analytics.Core.Storage.PulseDatabase>().Open())
        {
            connection.Execute("INSERT INTO deployments (deployment_id, service_id, environment, started_at, finished_at, status, source, release_id) SELECT 'late-1', service_id, 'production', TIMESTAMPTZ '2026-08-03 10:00:00+00', TIMESTAMPTZ '2026-08-03 10:05:00+00', 'success', 'test', 'late-1' FROM services WHERE team_id = 'platform' LIMIT 1");
        }

        var after = await cache.QuarterAsync(q3, null, q3.End, CancellationToken.None);

        Assert.Same(first, again);
        Assert.NotSame(first, after);
        Assert.Equal(first.DeploymentFrequency.Single(r => r.Level == "organisation").Deployments + 1, after.DeploymentFrequency.Single(r => r.Level == "organisation").Deployments);
    }

    [Fact]
    public async Task Concurrent_requests_share_one_reading_of_the_data_version_instead_of_one_each()
    {
        await SignedInAsync();
        var cache = _factory!.Services.GetRequiredService<Analytics.Host.Web.Dashboards.DashboardCache>();
        var q3 = new Quarter(2026, 3);
        await cache.QuarterAsync(q3, null, q3.End, CancellationToken.None);
        var before = cache.VersionReads;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.QuarterAsync(q3, null, q3.End, CancellationToken.None))));

        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.InRange(cache.VersionReads - before, 1, 8);
    }

    [Fact]
    public async Task The_deployments_behind_a_teams_frequency_are_listed_exactly_and_paged()
    {
        using var client = await SignedInAsync();
        var metrics = await _factory!.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), "platform", CancellationToken.None);
        var counted = metrics.DeploymentFrequency.Single(r => r.Level == "team" && r.TeamId == "platform").Deployments;

        var first = await client.GetStringAsync("/admin/dashboards/teams/platform/deployments?quarter=2026-Q3");
        var rows = System.Text.RegularExpressions.Regex.Count(first, "<tr><td>2026-");

        Assert.Contains($"{counted:N0} deployments count towards the deployment frequency of", first, StringComparison.Ordinal);
        Assert.Equal((int)Math.Min(counted, 50), rows);
        if (counted > 50)
        {
            Assert.Contains("page=2\">Older</a>", first, StringComparison.Ordinal);
            var last = await client.GetStringAsync($"/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&page={(counted + 49) / 50}");
            Assert.Equal((int)(counted - (50 * ((counted - 1) / 50))), System.Text.RegularExpressions.Regex.Count(last, "<tr><td>2026-"));
        }
    }

    [Theory]
    [InlineData("/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&page=0", HttpStatusCode.BadRequest, "There is no page &#x27;0&#x27; of deployments")]
    [InlineData("/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&page=two", HttpStatusCode.BadRequest, "There is no page &#x27;two&#x27; of deployments")]
    [InlineData("/admin/dashboards/teams/nope/deployments?quarter=2026-Q3", HttpStatusCode.NotFound, "There is no team &#x27;nope&#x27;.")]
    [InlineData("/admin/dashboards?quarter=Q3", HttpStatusCode.BadRequest, "is not a quarter")]
    [InlineData("/admin/dashboards?quarter=2027-Q1", HttpStatusCode.BadRequest, "2027-Q1 has no complete day yet")]
    [InlineData("/admin/dashboards?team=nope", HttpStatusCode.NotFound, "There is no team &#x27;nope&#x27;.")]
    [InlineData("/admin/dashboards/teams/nope", HttpStatusCode.NotFound, "There is no team &#x27;nope&#x27;.")]
    public async Task Bad_filters_are_pages_that_say_what_is_wrong(string path, HttpStatusCode status, string message)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quarter_before_the_data_is_an_empty_state_not_an_error()
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync("/admin/dashboards?quarter=2019-Q1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No deployments or changes were recorded in 2019-Q1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_the_dashboards_send_to_sign_in_and_back()
    {
        await SignedInAsync();
        using var anonymous = _factory!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync("/admin/dashboards/delivery?quarter=2026-Q3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/login?ReturnUrl=%2Fadmin%2Fdashboards%2Fdelivery", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var database = Path.Combine(_folder, "dash.duckdb");
        File.Copy(seeded.Path, database, overwrite: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(Clock));
        return await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");
    }
}
