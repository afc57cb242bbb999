using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Host.ApiKeys;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>
/// The records behind a team's lead time, change failure rate, recovery time and rework rate, read through the pages and the API
/// on a seeded organisation: every page of a list together makes up exactly the figure the metrics service computes.
/// </summary>
public sealed class DrillDownTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>, IDisposable
{
    private const string Team = "platform";
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-drill-").FullName;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>Mid-October 2026: 2026-Q3 is the latest complete quarter.</summary>
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_changes_listed_are_the_ones_the_median_lead_time_counts()
    {
        using var client = await ApiClientAsync();
        var figure = (await TeamMetricsAsync()).LeadTime.Single(r => r.Level == "team" && r.TeamId == Team);

        var items = await AllItemsAsync(client, "changes");

        Assert.True(figure.Changes > 50, "the seeded team ships more than one page of changes");
        Assert.Equal(figure.Changes, items.Count);
        Assert.Equal(figure.MedianHours!.Value, Median(items.Select(i => i.GetProperty("leadTimeHours").GetDouble())), 6);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("changeId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Failed_over_listed_releases_is_the_change_failure_rate_and_each_failure_says_how_it_was_found()
    {
        using var client = await ApiClientAsync();
        var figure = (await TeamMetricsAsync()).ChangeFailureRate.Single(r => r.Level == "team" && r.TeamId == Team);

        using var first = await GetJsonAsync(client, $"/api/v1/teams/{Team}/failures?quarter=2026-Q3");
        var items = await AllItemsAsync(client, "failures");

        var releases = first.RootElement.GetProperty("figure").GetProperty("outOf").GetInt64();
        Assert.True(figure.FailedDeployments > 0, "the seeded team has failed releases");
        Assert.Equal(figure.Deployments, releases);
        Assert.Equal(figure.FailedDeployments, items.Count);
        Assert.Equal(figure.Rate!.Value, (double)items.Count / releases, 9);
        Assert.Equal(figure.Rate!.Value, first.RootElement.GetProperty("figure").GetProperty("value").GetDouble(), 9);
        Assert.Equal(figure.FailedByInferredLink, items.Count(i => i.GetProperty("inferred").GetBoolean()));
        Assert.All(items, i => Assert.True(i.GetProperty("hasIncident").GetBoolean() || i.GetProperty("rolledBack").GetBoolean() || i.GetProperty("hotfixed").GetBoolean()));
        Assert.All(items.Where(i => i.GetProperty("hasIncident").GetBoolean()), i => Assert.NotEqual(0, i.GetProperty("incidents").GetArrayLength()));
    }

    [Fact]
    public async Task An_incident_listed_is_attributed_as_the_database_says()
    {
        using var client = await ApiClientAsync();

        var incidents = (await AllItemsAsync(client, "failures")).SelectMany(i => i.GetProperty("incidents").EnumerateArray()).ToList();

        Assert.NotEmpty(incidents);
        using var connection = _factory!.Services.GetRequiredService<PulseDatabase>().Open();
        foreach (var incident in incidents)
        {
            var stored = connection.QuerySingle<(string? Deployment, string? Sha)>("SELECT caused_by_deployment_id, caused_by_sha FROM incidents WHERE incident_id = $id",
                new { id = incident.GetProperty("incidentId").GetString() });
            var by = incident.GetProperty("attributedBy").GetString();
            Assert.Equal(stored.Deployment is null && stored.Sha is null, by == "inferred");
            Assert.Equal(by != "inferred", incident.GetProperty("explicit").GetBoolean());
        }
    }

    [Fact]
    public async Task The_failures_listed_for_recovery_make_up_its_median_and_its_count_not_recovered()
    {
        using var client = await ApiClientAsync();
        var figure = (await TeamMetricsAsync()).RecoveryTime.Single(r => r.Level == "team" && r.TeamId == Team);

        var items = await AllItemsAsync(client, "recoveries");

        var hours = items.Select(i => i.GetProperty("recoveryHours")).Where(h => h.ValueKind == JsonValueKind.Number).Select(h => h.GetDouble()).ToList();
        Assert.Equal(figure.Recovered, hours.Count);
        Assert.Equal(figure.NotRecovered, items.Count - hours.Count);
        Assert.Equal(figure.MedianHours!.Value, Median(hours), 6);
    }

    [Fact]
    public async Task Rework_over_listed_releases_is_the_rework_rate_and_each_says_why()
    {
        using var client = await ApiClientAsync();
        var figure = (await TeamMetricsAsync()).ReworkRate.Single(r => r.Level == "team" && r.TeamId == Team);

        using var first = await GetJsonAsync(client, $"/api/v1/teams/{Team}/rework?quarter=2026-Q3");
        var items = await AllItemsAsync(client, "rework");

        Assert.True(figure.ReworkDeployments > 0, "the seeded team has rework releases");
        Assert.Equal(figure.Deployments, first.RootElement.GetProperty("figure").GetProperty("outOf").GetInt64());
        Assert.Equal(figure.ReworkDeployments, items.Count);
        Assert.Equal(figure.Rate, (double)items.Count / figure.Deployments, 9);
        Assert.All(items, i => Assert.True(i.GetProperty("isRollback").GetBoolean() || i.GetProperty("isHotfix").GetBoolean() || i.GetProperty("shipsFixChange").GetBoolean()));
    }

    [Fact]
    public async Task The_failures_page_shows_the_rate_and_each_incident_and_the_delivery_table_links_to_it()
    {
        using var client = await SignedInAsync();
        var figure = (await TeamMetricsAsync()).ChangeFailureRate.Single(r => r.Level == "team" && r.TeamId == Team);

        var delivery = await client.GetStringAsync("/admin/dashboards/delivery?quarter=2026-Q3");
        var page = await client.GetStringAsync($"/admin/dashboards/teams/{Team}/failures?quarter=2026-Q3");
        var team = await client.GetStringAsync($"/admin/dashboards/teams/{Team}?quarter=2026-Q3");

        var rate = Analytics.Host.Web.Dashboards.Format.Percent(figure.Rate!.Value);
        Assert.Contains($"<a href=\"/admin/dashboards/teams/{Team}/failures?quarter=2026-Q3\">{rate}</a>", delivery, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/dashboards/teams/{Team}/failures?quarter=2026-Q3&amp;team={Team}\">{rate}</a>", team, StringComparison.Ordinal);
        Assert.Contains($"{figure.FailedDeployments:N0} of {figure.Deployments:N0} production releases failed: change failure rate <strong>{rate}</strong>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"incident-id\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_changes_page_shows_the_median_and_pages_on()
    {
        using var client = await SignedInAsync();
        var figure = (await TeamMetricsAsync()).LeadTime.Single(r => r.Level == "team" && r.TeamId == Team);

        var first = await client.GetStringAsync($"/admin/dashboards/teams/{Team}/changes?quarter=2026-Q3");
        var last = await client.GetStringAsync($"/admin/dashboards/teams/{Team}/changes?quarter=2026-Q3&page={(figure.Changes + 49) / 50}");

        Assert.Contains($"{figure.Changes:N0} changes count towards the median lead time of", first, StringComparison.Ordinal);
        Assert.Contains($"<strong>{Analytics.Host.Web.Dashboards.Format.Hours(figure.MedianHours!.Value)}</strong>", first, StringComparison.Ordinal);
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(first, "<tr><td>2026-"));
        Assert.Equal((int)(figure.Changes - (50 * ((figure.Changes - 1) / 50))), System.Text.RegularExpressions.Regex.Count(last, "<tr><td>2026-"));
        Assert.Contains("page=2\">Older</a>", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changes", "0", "There is no page &#x27;0&#x27; of changes")]
    [InlineData("changes", "999999", "There is no page &#x27;999999&#x27; of changes")]
    [InlineData("failures", "one", "There is no page &#x27;one&#x27; of failed deployments")]
    [InlineData("recoveries", "-1", "There is no page &#x27;-1&#x27; of failures")]
    [InlineData("rework", "1.5", "There is no page &#x27;1.5&#x27; of rework deployments")]
    public async Task A_page_out_of_range_is_a_400_page_naming_it(string list, string page, string message)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync($"/admin/dashboards/teams/{Team}/{list}?quarter=2026-Q3&page={page}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("changes")]
    [InlineData("failures")]
    [InlineData("recoveries")]
    [InlineData("rework")]
    public async Task An_unknown_team_is_a_404_page(string list)
    {
        using var client = await SignedInAsync();

        using var response = await client.GetAsync($"/admin/dashboards/teams/nope/{list}?quarter=2026-Q3");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no team &#x27;nope&#x27;.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/teams/platform/changes", HttpStatusCode.BadRequest, "Give the quarter, for example ?quarter=2026-Q3, or a range")]
    [InlineData("/api/v1/teams/platform/changes?quarter=2026-Q3&from=2026-07-01&to=2026-08-01", HttpStatusCode.BadRequest, "Give either a quarter or a range (from and to), not both.")]
    [InlineData("/api/v1/teams/platform/failures?from=2026-07-01", HttpStatusCode.BadRequest, "Give 'to' as a day")]
    [InlineData("/api/v1/teams/platform/failures?from=1/7/2026&to=2026-08-01", HttpStatusCode.BadRequest, "'1/7/2026' is not a day")]
    [InlineData("/api/v1/teams/platform/rework?from=2026-08-01&to=2026-08-01", HttpStatusCode.BadRequest, "'to' (2026-08-01) must be after 'from' (2026-08-01)")]
    [InlineData("/api/v1/teams/platform/recoveries?from=2020-01-01&to=2025-01-02", HttpStatusCode.BadRequest, "The range is longer than 5 years")]
    [InlineData("/api/v1/teams/platform/deployments?from=2026-09-01&to=2026-10-16", HttpStatusCode.BadRequest, "'to' (2026-10-16) is after today (2026-10-15)")]
    [InlineData("/api/v1/teams/platform/deployments?quarter=2026-Q3&service=nope", HttpStatusCode.NotFound, "There is no service 'nope'.")]
    [InlineData("/api/v1/teams/platform/failures?quarter=2026-Q9", HttpStatusCode.BadRequest, "'2026-Q9' is not a quarter")]
    [InlineData("/api/v1/teams/platform/recoveries?quarter=2027-Q1", HttpStatusCode.BadRequest, "2027-Q1 has no complete day yet")]
    [InlineData("/api/v1/teams/platform/deployments?quarter=2026-Q3&page=0", HttpStatusCode.BadRequest, "There is no page '0' of deployments")]
    [InlineData("/api/v1/teams/platform/changes?quarter=2026-Q3&page=x", HttpStatusCode.BadRequest, "There is no page 'x' of changes")]
    [InlineData("/api/v1/teams/platform/failures?quarter=2026-Q3&page=100000", HttpStatusCode.BadRequest, "There is no page '100000' of failed deployments")]
    [InlineData("/api/v1/teams/nope/failures?quarter=2026-Q3", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    [InlineData("/api/v1/teams/nope/deployments?quarter=2026-Q3", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    [InlineData("/api/v1/teams/platform/rework?quarter=2026-Q3&page=+1", HttpStatusCode.BadRequest, "There is no page ' 1' of rework deployments")]
    public async Task Bad_api_input_is_a_problem_that_names_it(string path, HttpStatusCode status, string detail)
    {
        using var client = await ApiClientAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_lists_what_the_metric_set_over_that_range_counts()
    {
        using var client = await ApiClientAsync();
        var range = await _factory!.Services.GetRequiredService<MetricsService>().RangeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), Team, CancellationToken.None);
        var figure = range.ChangeFailureRate.Single(r => r.Level == "team" && r.TeamId == Team);
        var quarterFailures = (await TeamMetricsAsync()).ChangeFailureRate.Single(r => r.Level == "team" && r.TeamId == Team).FailedDeployments;

        using var first = await GetJsonAsync(client, $"/api/v1/teams/{Team}/failures?from=2026-05-01&to=2026-09-01");
        var items = await AllItemsAsync(client, "failures", "from=2026-05-01&to=2026-09-01");

        var root = first.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("quarter").ValueKind);
        Assert.Equal(("2026-05-01", "2026-09-01", false), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString(), root.GetProperty("inProgress").GetBoolean()));
        Assert.NotEqual(quarterFailures, figure.FailedDeployments);
        Assert.Equal(figure.FailedDeployments, items.Count);
        Assert.Equal(figure.Deployments, root.GetProperty("figure").GetProperty("outOf").GetInt64());
        Assert.All(items, i => Assert.InRange(DateTimeOffset.Parse(i.GetProperty("deployedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            new DateTimeOffset(2026, 4, 30, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 2, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_service_narrows_a_list_to_that_service_s_records()
    {
        using var client = await ApiClientAsync();
        var metrics = await TeamMetricsAsync();
        var service = metrics.DeploymentFrequency.Where(r => r.Level == "service" && r.TeamId == Team).OrderByDescending(r => r.Deployments).First();
        var team = metrics.DeploymentFrequency.Single(r => r.Level == "team" && r.TeamId == Team);

        using var json = await GetJsonAsync(client, $"/api/v1/teams/{Team}/deployments?quarter=2026-Q3&service={service.ServiceId}");
        var items = await AllItemsAsync(client, "deployments", $"quarter=2026-Q3&service={service.ServiceId}");

        Assert.True(service.Deployments < team.Deployments, "the team has more than one deploying service");
        Assert.Equal(service.ServiceId, json.RootElement.GetProperty("service").GetString());
        Assert.Equal(service.Deployments, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(service.Deployments, items.Count);
        Assert.All(items, i => Assert.Equal(service.ServiceId, i.GetProperty("serviceId").GetString()));
    }

    [Fact]
    public async Task A_service_of_another_team_is_a_404_naming_its_team()
    {
        using var client = await ApiClientAsync();
        var metrics = await _factory!.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var other = metrics.DeploymentFrequency.First(r => r.Level == "service" && r.TeamId != Team);

        using var response = await client.GetAsync(new Uri($"/api/v1/teams/{Team}/changes?quarter=2026-Q3&service={other.ServiceId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(("Unknown service", $"Service '{other.ServiceId}' belongs to team '{other.TeamId}', not '{Team}'."),
            (problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_api_lists_need_a_key()
    {
        await ApiClientAsync();
        using var anonymous = _factory!.CreateClient();

        using var response = await anonymous.GetAsync(new Uri($"/api/v1/teams/{Team}/failures?quarter=2026-Q3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_deployments_api_total_is_the_deployment_frequency()
    {
        using var client = await ApiClientAsync();
        var figure = (await TeamMetricsAsync()).DeploymentFrequency.Single(r => r.Level == "team" && r.TeamId == Team);

        using var json = await GetJsonAsync(client, $"/api/v1/teams/{Team}/deployments?quarter=2026-Q3");

        Assert.Equal(figure.Deployments, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal((double)figure.Deployments / figure.Days, json.RootElement.GetProperty("figure").GetProperty("value").GetDouble(), 9);
        Assert.Equal(Math.Min(50, figure.Deployments), json.RootElement.GetProperty("items").GetArrayLength());
    }

    public void Dispose()
    {
        _factory?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The median as DuckDB's <c>quantile_cont(x, 0.5)</c> computes it: the mean of the middle two of an even count.</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var position = (sorted.Count - 1) * 0.5;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    private async Task<QuarterlyMetrics> TeamMetricsAsync() =>
        await _factory!.Services.GetRequiredService<MetricsService>().QuarterAsync(new Quarter(2026, 3), Team, CancellationToken.None);

    private static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string list, string period = "quarter=2026-Q3")
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            using var json = await GetJsonAsync(client, $"/api/v1/teams/{Team}/{list}?{period}&page={page}");
            items.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            if (page >= json.RootElement.GetProperty("pages").GetInt32())
            {
                return items;
            }
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private WebApplicationFactory<Program> Start()
    {
        var database = Path.Combine(_folder, "drill.duckdb");
        File.Copy(seeded.Path, database, overwrite: true);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", database)
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(Clock));
        return _factory;
    }

    private async Task<HttpClient> SignedInAsync() =>
        await SurveyWebApp.SignInAsync(Start().CreateClient(), returnUrl: "/admin/dashboards");

    private async Task<HttpClient> ApiClientAsync()
    {
        var factory = Start();
        var key = await factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Tests", "test", CancellationToken.None);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }
}
