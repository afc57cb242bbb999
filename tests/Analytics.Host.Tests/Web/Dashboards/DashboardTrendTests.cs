using System.Net;
using System.Text.RegularExpressions;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Host.Web.Dashboards;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>The overview's sparklines and the team page's trend charts: the report's renderer and forecaster on the pages.</summary>
public sealed partial class DashboardTrendTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-trends-").FullName;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Mid-October 2026: 2026-Q3 is the latest complete quarter.</summary>
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_delivery_card_of_the_overview_has_a_sparkline_and_a_bounded_forecast_in_words()
    {
        using var client = await SignedInAsync();

        var html = await client.GetStringAsync("/admin/dashboards?quarter=2026-Q3");

        var sparklines = Regex.Matches(html, "<div class=\"sparkline\"><svg role=\"img\" aria-label=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Deployments per day", "Median lead time", "Change failure rate", "Median recovery time"], sparklines.Select(s => s.Split(" by month")[0]));
        Assert.All(sparklines, s => Assert.Contains("by month from October 2025", s, StringComparison.Ordinal));
        var forecasts = ForecastLine().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, forecasts.Count);
        Assert.DoesNotContain(forecasts, f => f.Contains('-', StringComparison.Ordinal) || f.Contains("&#x2212;", StringComparison.Ordinal));
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_whose_data_starts_in_the_year_gets_gaps_before_it_not_zeros()
    {
        using var client = await SignedInAsync();
        using (var connection = _factory!.Services.GetRequiredService<Analytics.Core.Storage.PulseDatabase>().Open())
        {
            connection.Execute("INSERT INTO teams (team_id, name, source) VALUES ('newcomers', 'Newcomers', 'test')");
            connection.Execute("INSERT INTO services (service_id, name, team_id, source) VALUES ('newcomer-api', 'Newcomer API', 'newcomers', 'test')");
            connection.Execute("""
                INSERT INTO deployments (deployment_id, service_id, environment, started_at, finished_at, status, source, release_id)
                SELECT 'new-' || i, 'newcomer-api', 'production', TIMESTAMPTZ '2026-05-04 10:00:00+00' + i * INTERVAL 2 DAY,
                       TIMESTAMPTZ '2026-05-04 10:05:00+00' + i * INTERVAL 2 DAY, 'success', 'test', 'new-' || i
                FROM range(0, 70) t(i)
                """);
        }

        // Team names are kept for a while, as a catalog sync would refresh them.
        _factory.Services.GetRequiredService<Analytics.Surveys.SurveyStore>().Forget();

        var html = await client.GetStringAsync("/admin/dashboards/teams/newcomers?quarter=2026-Q3");

        Assert.Contains("Deployments per day by month from October 2025", html, StringComparison.Ordinal);
        Assert.Contains("Data starts in May 2026; the months before it have no data and are left blank.", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(html, "<figure class=\"chart\"><svg role=\"img\""));
        Assert.Contains("No forecast: 5 of the 6 periods of data a forecast needs.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_are_computed_once_until_new_rows_arrive()
    {
        using var client = await SignedInAsync();
        var trends = _factory!.Services.GetRequiredService<DashboardTrends>();
        var data = _factory.Services.GetRequiredService<DashboardData>();
        var filter = await data.FilterAsync("2026-Q3", null, null, "platform", CancellationToken.None);

        var first = await trends.TrendsAsync(filter, CancellationToken.None);
        var again = await trends.TrendsAsync(filter, CancellationToken.None);
        using (var connection = _factory.Services.GetRequiredService<Analytics.Core.Storage.PulseDatabase>().Open())
        {
            connection.Execute("INSERT INTO deployments (deployment_id, service_id, environment, started_at, finished_at, status, source) SELECT 'late-1', service_id, 'production', TIMESTAMPTZ '2026-08-03 10:00:00+00', TIMESTAMPTZ '2026-08-03 10:05:00+00', 'success', 'test' FROM services WHERE team_id = 'platform' LIMIT 1");
        }

        var after = await trends.TrendsAsync(filter, CancellationToken.None);

        Assert.Same(first, again);
        Assert.NotSame(first, after);
    }

    [Fact]
    public async Task The_movers_and_a_team_s_months_download_as_csv_with_the_page_s_rows()
    {
        using var client = await SignedInAsync();

        var overview = await client.GetStringAsync("/admin/dashboards?quarter=2026-Q3");
        var movers = (await client.GetStringAsync("/admin/dashboards/moved-most.csv?quarter=2026-Q3")).Trim().Split('\n');
        var months = (await client.GetStringAsync("/admin/dashboards/teams/platform/months.csv?quarter=2026-Q3")).Trim().Split('\n');

        Assert.Equal("team_id,team,figure,before,now,change,better", movers[0]);
        var moverSection = overview[overview.IndexOf("id=\"movers\"", StringComparison.Ordinal)..];
        Assert.Equal(Regex.Count(moverSection, "<tr><th scope=\"row\">"), movers.Length - 1);
        Assert.StartsWith("month,deployments,deployments_per_day", months[0], StringComparison.Ordinal);
        Assert.Equal(["2025-10-01", "2026-09-01"], new[] { months[1].Split(',')[0], months[^1].Split(',')[0] });
    }

    [Fact]
    public async Task A_date_range_is_one_period_on_every_page_and_its_links_keep_it()
    {
        using var client = await SignedInAsync();

        var overview = await client.GetStringAsync("/admin/dashboards?from=2026-05-01&to=2026-08-31");
        var failures = await client.GetStringAsync("/admin/dashboards/teams/platform/failures?from=2026-05-01&to=2026-08-31");

        var range = await _factory!.Services.GetRequiredService<Analytics.Core.Metrics.MetricsService>().RangeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), null, CancellationToken.None);
        var org = range.DeploymentFrequency.Single(r => r.Level == "organisation");
        Assert.Equal(123, org.Days);
        Assert.Contains("<title>Overview, 2026-05-01 to 2026-08-31", overview, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"figure\">{Format.Rate((double)org.Deployments / org.Days)}</p>", overview, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/dashboards/delivery?from=2026-05-01&amp;to=2026-08-31\"", overview, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-05-01\"", overview, StringComparison.Ordinal);
        var team = await _factory.Services.GetRequiredService<Analytics.Core.Metrics.MetricsService>().RangeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), "platform", CancellationToken.None);
        var cfr = team.ChangeFailureRate.Single(r => r.Level == "team" && r.TeamId == "platform");
        Assert.Contains($"of {cfr.Deployments:N0} production releases failed", failures, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/dashboards?from=2026-05-01", "A range needs both days: give &#x27;to&#x27; too")]
    [InlineData("/admin/dashboards?to=2026-05-01", "A range needs both days: give &#x27;from&#x27; too")]
    [InlineData("/admin/dashboards?from=1/5/2026&to=2026-06-01", "&#x27;1/5/2026&#x27; is not a day")]
    [InlineData("/admin/dashboards/delivery?from=2026-06-01&to=2026-05-01", "The range ends (2026-05-01) before it starts (2026-06-01).")]
    [InlineData("/admin/dashboards?from=2020-01-01&to=2025-01-01", "is longer than 5 years")]
    [InlineData("/admin/dashboards/sentiment?from=2026-09-01&to=2026-10-15", "The range runs to 2026-10-15, but only days before today (2026-10-15) are complete")]
    public async Task A_bad_range_is_a_page_that_says_what_is_wrong(string path, string message)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_s_figure_drills_down_to_that_service_s_records_only()
    {
        using var client = await SignedInAsync();
        var metrics = await _factory!.Services.GetRequiredService<Analytics.Core.Metrics.MetricsService>().QuarterAsync(new Analytics.Core.Metrics.Quarter(2026, 3), "platform", CancellationToken.None);
        var service = metrics.DeploymentFrequency.Where(r => r.Level == "service" && r.TeamId == "platform").OrderByDescending(r => r.Deployments).First();
        var other = metrics.DeploymentFrequency.Where(r => r.Level == "service" && r.TeamId == "platform" && r.ServiceId != service.ServiceId).Sum(r => r.Deployments);

        var delivery = await client.GetStringAsync("/admin/dashboards/delivery?quarter=2026-Q3&team=platform");
        var list = await client.GetStringAsync($"/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&service={service.ServiceId}");

        Assert.Contains($"/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&amp;service={service.ServiceId}", delivery, StringComparison.Ordinal);
        Assert.Contains($"Platform, service {service.ServiceId}, deployments in 2026-Q3", list, StringComparison.Ordinal);
        Assert.Contains($"{service.Deployments:N0} deployments count towards", list, StringComparison.Ordinal);
        Assert.True(other > 0);
        Assert.DoesNotContain(metrics.DeploymentFrequency.Where(r => r.Level == "service" && r.TeamId == "platform" && r.ServiceId != service.ServiceId).Select(r => $"<td>{r.ServiceId}</td>"), list.Contains);
    }

    [Fact]
    public async Task A_service_that_is_not_the_team_s_is_a_404_page()
    {
        using var client = await SignedInAsync();
        var metrics = await _factory!.Services.GetRequiredService<Analytics.Core.Metrics.MetricsService>().QuarterAsync(new Analytics.Core.Metrics.Quarter(2026, 3), null, CancellationToken.None);
        var service = metrics.DeploymentFrequency.First(r => r.Level == "service" && r.TeamId == "platform").ServiceId;
        var other = metrics.DeploymentFrequency.First(r => r.Level == "team" && r.TeamId != "platform").TeamId;

        using var unknown = await client.GetAsync("/admin/dashboards/teams/platform/deployments?quarter=2026-Q3&service=nope");
        using var elsewhere = await client.GetAsync($"/admin/dashboards/teams/{other}/failures?quarter=2026-Q3&service={service}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, elsewhere.StatusCode));
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        var elsewherePage = await elsewhere.Content.ReadAsStringAsync();
        Assert.Contains("There is no service &#x27;nope&#x27;.", unknownPage, StringComparison.Ordinal);
        Assert.Contains($"Service &#x27;{service}&#x27; belongs to team &#x27;platform&#x27;, not &#x27;{other}&#x27;.", elsewherePage, StringComparison.Ordinal);
        Assert.All([unknownPage, elsewherePage], page => Assert.Contains("<h1>No such service</h1>", page, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _factory?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex("<p class=\"help\">Forecast for next month: ([^<]*)</p>")]
    private static partial Regex ForecastLine();

    private async Task<HttpClient> SignedInAsync()
    {
        var database = Path.Combine(_folder, "trends.duckdb");
        File.Copy(seeded.Path, database, overwrite: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(Clock));
        var client = await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");
        using var check = await client.GetAsync("/admin/dashboards");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        return client;
    }
}
