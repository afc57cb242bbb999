using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Host.ApiKeys;
using Analytics.Host.Tests.Cli;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Api;

/// <summary>The read-only metrics API on the demo organisation, called with and without a key as a client would.</summary>
public sealed class MetricsApiTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-api-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public MetricsApiTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "api.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "api.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(Clock));
    }

    /// <summary>Mid-October 2026: 2026-Q3 is over and 2026-Q4 has 14 complete days.</summary>
    private FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_quarter_comes_back_with_the_same_figures_the_metrics_service_computes()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/metrics?quarter=2026-Q3");

        var expected = await Metrics.QuarterAsync(new Quarter(2026, 3), null, CancellationToken.None);
        var root = json.RootElement;
        Assert.Equal("2026-Q3", root.GetProperty("quarter").GetString());
        Assert.False(root.GetProperty("inProgress").GetBoolean());
        Assert.Equal("2026-10-01", root.GetProperty("to").GetString());
        var org = root.GetProperty("metrics").GetProperty("deploymentFrequency").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        Assert.Equal(expected.DeploymentFrequency.Single(r => r.Level == "organisation").Deployments, org.GetProperty("deployments").GetInt64());
        Assert.Equal(expected.Nps.Count, root.GetProperty("metrics").GetProperty("nps").GetArrayLength());
    }

    [Fact]
    public async Task A_date_range_comes_back_as_one_period_with_the_metrics_service_s_figures()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/metrics?from=2026-05-01&to=2026-09-01");

        var expected = await Metrics.RangeAsync(new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), null, CancellationToken.None);
        var root = json.RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("quarter").ValueKind);
        Assert.Equal(("2026-05-01", "2026-09-01"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        var org = root.GetProperty("metrics").GetProperty("deploymentFrequency").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        var frequency = expected.DeploymentFrequency.Single(r => r.Level == "organisation");
        Assert.Equal((frequency.Deployments, 123L), (org.GetProperty("deployments").GetInt64(), org.GetProperty("days").GetInt64()));
        var lead = root.GetProperty("metrics").GetProperty("leadTime").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        Assert.Equal(expected.LeadTime.Single(r => r.Level == "organisation").MedianHours!.Value, lead.GetProperty("medianHours").GetDouble(), precision: 9);
    }

    [Fact]
    public async Task A_quarter_in_progress_covers_its_complete_days_and_says_so()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/metrics?quarter=2026-Q4");

        Assert.True(json.RootElement.GetProperty("inProgress").GetBoolean());
        Assert.Equal("2026-10-15", json.RootElement.GetProperty("to").GetString());
        var org = json.RootElement.GetProperty("metrics").GetProperty("deploymentFrequency").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        Assert.Equal(14, org.GetProperty("days").GetInt64());
    }

    [Fact]
    public async Task A_team_run_shows_neither_the_organisation_nor_a_team_the_organisation_view_hides()
    {
        using var client = await ClientWithKeyAsync();
        using var organisation = await GetJsonAsync(client, "/api/v1/metrics?quarter=2026-Q3");
        var hidden = organisation.RootElement.GetProperty("metrics").GetProperty("nps").EnumerateArray()
            .Where(n => n.GetProperty("level").GetString() == "team" && n.GetProperty("suppressed").GetBoolean())
            .Select(n => (Wave: n.GetProperty("waveId").GetString(), Team: n.GetProperty("teamId").GetString()!)).ToList();
        Assert.True(hidden.Count >= 2, "the demo's 2026-Q3 wave hides a small team and its smallest sibling");

        foreach (var team in hidden.Select(h => h.Team).Distinct())
        {
            using var json = await GetJsonAsync(client, $"/api/v1/metrics?quarter=2026-Q3&team={team}");
            var metrics = json.RootElement.GetProperty("metrics");
            Assert.DoesNotContain(metrics.GetProperty("deploymentFrequency").EnumerateArray(), r => r.GetProperty("level").GetString() == "organisation");
            Assert.DoesNotContain(metrics.GetProperty("nps").EnumerateArray(), n =>
                hidden.Contains((n.GetProperty("waveId").GetString(), team)) && n.GetProperty("nps").ValueKind != JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task A_series_has_one_row_per_period_of_the_grain()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/metrics/deployment-frequency/series?from=2026-01-01&to=2026-07-01&grain=month");

        var months = json.RootElement.EnumerateArray().Where(r => r.GetProperty("level").GetString() == "organisation")
            .Select(r => r.GetProperty("periodStart").GetString()).ToList();
        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"], months);
    }

    [Fact]
    public async Task Teams_and_services_come_from_the_catalog()
    {
        using var client = await ClientWithKeyAsync();

        using var teams = await GetJsonAsync(client, "/api/v1/teams");
        using var services = await GetJsonAsync(client, "/api/v1/services?team=payments");

        Assert.Contains(teams.RootElement.EnumerateArray(), t => t.GetProperty("teamId").GetString() == "payments");
        Assert.NotEqual(0, services.RootElement.GetArrayLength());
        Assert.All(services.RootElement.EnumerateArray(), s => Assert.Equal("payments", s.GetProperty("teamId").GetString()));
    }

    [Fact]
    public async Task A_filter_with_no_data_is_an_empty_result_not_an_error()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/metrics?quarter=2019-Q1");

        Assert.Equal(0, json.RootElement.GetProperty("metrics").GetProperty("leadTime").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/metrics", HttpStatusCode.BadRequest, "Give the quarter, for example ?quarter=2026-Q3, or a range")]
    [InlineData("/api/v1/metrics?quarter=2026-Q3&from=2026-01-01&to=2026-02-01", HttpStatusCode.BadRequest, "Give either a quarter or a range (from and to), not both.")]
    [InlineData("/api/v1/metrics?from=2026-01-01", HttpStatusCode.BadRequest, "Give 'to' as a day")]
    [InlineData("/api/v1/metrics?from=2026-03-01&to=2026-02-01", HttpStatusCode.BadRequest, "'to' (2026-02-01) must be after 'from' (2026-03-01)")]
    [InlineData("/api/v1/metrics?from=2020-01-01&to=2025-01-02", HttpStatusCode.BadRequest, "The range is longer than 5 years")]
    [InlineData("/api/v1/metrics?from=2026-09-01&to=2026-11-01", HttpStatusCode.BadRequest, "'to' (2026-11-01) is after today (2026-10-15)")]
    [InlineData("/api/v1/metrics?from=2026-01-01&to=2026-02-01&team=nope", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    [InlineData("/api/v1/metrics?quarter=Q3", HttpStatusCode.BadRequest, "'Q3' is not a quarter")]
    [InlineData("/api/v1/metrics?quarter=2027-Q1", HttpStatusCode.BadRequest, "2027-Q1 has no complete day yet")]
    [InlineData("/api/v1/metrics?quarter=2026-Q3&team=nope", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    [InlineData("/api/v1/services?team=nope", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    [InlineData("/api/v1/metrics/velocity/series?from=2026-01-01&to=2026-02-01", HttpStatusCode.NotFound, "There is no metric 'velocity'. Metrics: deployment-frequency, lead-time,")]
    [InlineData("/api/v1/metrics/lead-time/series?to=2026-02-01", HttpStatusCode.BadRequest, "Give 'from' as a day")]
    [InlineData("/api/v1/metrics/lead-time/series?from=1/1/2026&to=2026-02-01", HttpStatusCode.BadRequest, "'1/1/2026' is not a day")]
    [InlineData("/api/v1/metrics/lead-time/series?from=2026-02-01&to=2026-02-01", HttpStatusCode.BadRequest, "'to' (2026-02-01) must be after 'from' (2026-02-01)")]
    [InlineData("/api/v1/metrics/lead-time/series?from=2020-01-01&to=2025-01-02", HttpStatusCode.BadRequest, "The range is longer than 5 years")]
    [InlineData("/api/v1/metrics/lead-time/series?from=2026-01-01&to=2026-02-01&grain=day", HttpStatusCode.BadRequest, "'day' is not a grain")]
    [InlineData("/api/v1/metrics/lead-time/series?from=2026-01-01&to=2026-02-01&team=nope", HttpStatusCode.NotFound, "There is no team 'nope'.")]
    public async Task Bad_input_is_a_problem_that_names_it(string path, HttpStatusCode status, string detail)
    {
        using var client = await ClientWithKeyAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_key_with_a_wrong_or_a_revoked_one_is_401_saying_which()
    {
        using var client = _factory.CreateClient();
        var store = _factory.Services.GetRequiredService<ApiKeyStore>();
        var revoked = await store.CreateAsync("Old dashboard", "test", CancellationToken.None);
        await store.RevokeAsync(revoked.KeyId, "test", CancellationToken.None);

        Assert.Contains("needs a key", await RefusedAsync(client, null), StringComparison.Ordinal);
        Assert.Contains("not known or was revoked", await RefusedAsync(client, "Bearer pulse_not-a-key"), StringComparison.Ordinal);
        Assert.Contains("not known or was revoked", await RefusedAsync(client, "Bearer " + revoked.Secret), StringComparison.Ordinal);
        Assert.Contains("must be 'Bearer <key>'", await RefusedAsync(client, "Basic YWRtaW46YWRtaW4="), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_operation_with_its_responses()
    {
        using var client = _factory.CreateClient();

        using var json = await GetJsonAsync(client, "/openapi/v1.json");

        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/metrics", out _));
        Assert.True(paths.TryGetProperty("/api/v1/metrics/nps/series", out _));
        Assert.False(paths.TryGetProperty("/api/v1/metrics/{metric}/series", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/admin", StringComparison.Ordinal));
        Assert.Equal("bearer", json.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("scheme").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/teams/{team}/failures", out _));
        foreach (var path in paths.EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/metrics", StringComparison.Ordinal) || p.Name.StartsWith("/api/v1/teams", StringComparison.Ordinal) || p.Name is "/api/v1/services"))
        {
            var get = path.Value.GetProperty("get");
            Assert.False(string.IsNullOrEmpty(get.GetProperty("operationId").GetString()), path.Name);
            var responses = get.GetProperty("responses");
            Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), path.Name);
            Assert.True(responses.TryGetProperty("401", out _), path.Name);
            Assert.True(get.GetProperty("security")[0].TryGetProperty("apiKey", out _), path.Name);
        }
    }

    [Fact]
    public async Task The_api_reference_page_reads_the_openapi_document()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/reference", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private MetricsService Metrics => _factory.Services.GetRequiredService<MetricsService>();

    private async Task<HttpClient> ClientWithKeyAsync()
    {
        var key = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Tests", "test", CancellationToken.None);
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        return client;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    private static async Task<string> RefusedAsync(HttpClient client, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/teams", UriKind.Relative));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        return await response.Content.ReadAsStringAsync();
    }
}
