using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Core.Metrics;
using Analytics.Host.ApiKeys;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Analytics.Surveys.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Ai;

/// <summary>
/// The AI-assisted development API and dashboard on the demo organisation (Copilot taken up by Payments in 2026-Q1 and
/// Search in 2026-Q2; Platform and Mobile hold seats few use), in mid-October 2026.
/// </summary>
public sealed class AiAssistedTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-ai-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public AiAssistedTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "ai.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "ai.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task Adoption_comes_back_with_the_metrics_service_s_figures()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/ai/adoption?quarter=2026-Q3");

        var query = MetricsQuery.ForQuarter(new Quarter(2026, 3));
        var expected = (await Metrics.AiAdoptionAsync(query, CancellationToken.None)).Single(a => a.Level == "team" && a.TeamId == "payments");
        var payments = json.RootElement.GetProperty("adoption").EnumerateArray().Single(r => r.GetProperty("teamId").GetString() == "payments");
        Assert.Equal(expected.ActiveSeats, payments.GetProperty("activeSeats").GetInt64());
        Assert.True(expected.ActiveShare > 0.5, $"payments adopted: {expected.ActiveShare}");
        var changes = json.RootElement.GetProperty("changes").EnumerateArray().Single(r => r.GetProperty("level").GetString() == "organisation");
        Assert.True(changes.GetProperty("aiAssistedChanges").GetInt64() > 0);
        Assert.NotEmpty(json.RootElement.GetProperty("usage").EnumerateArray());
    }

    [Fact]
    public async Task Before_after_derives_staggered_adoption_and_gives_a_verdict_per_metric()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/ai/before-after");

        Assert.Equal("2026-Q3", json.RootElement.GetProperty("lastCompleteQuarter").GetString());
        var teams = json.RootElement.GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("teamId").GetString()!, t => t.GetProperty("adoptedOn").ToString());
        Assert.Equal("2026-01-01", teams["payments"]);
        Assert.Equal("2026-04-01", teams["search"]);
        var leadTime = json.RootElement.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measure").GetProperty("name").GetString() == "lead_time");
        Assert.Equal(2, leadTime.GetProperty("adoptingTeams").GetInt32());
        Assert.False(string.IsNullOrEmpty(leadTime.GetProperty("verdict").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/ai/adoption?quarter=2026-Q9", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/ai/adoption?quarter=2026-Q3&team=nobody", HttpStatusCode.NotFound)]
    public async Task Bad_input_is_a_problem(string path, HttpStatusCode status)
    {
        using var client = await ClientWithKeyAsync();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ai_operations()
    {
        using var client = _factory.CreateClient();
        using var json = await GetJsonAsync(client, "/openapi/v1.json");
        foreach (var path in new[] { "/api/v1/ai/adoption", "/api/v1/ai/before-after" })
        {
            var get = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get");
            Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _), path);
            Assert.True(get.GetProperty("responses").TryGetProperty("401", out _), path);
        }
    }

    [Fact]
    public async Task The_dashboard_shows_adoption_changes_and_the_before_after_verdicts()
    {
        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", SurveyWebApp.AdminPassword, CancellationToken.None);
        using var client = await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");

        var html = await client.GetStringAsync("/admin/dashboards/ai?quarter=2026-Q3");

        Assert.Contains("<title>AI-assisted development, 2026-Q3 – Pulse</title>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">AI-assisted</a>", html, StringComparison.Ordinal);
        Assert.Contains("Before and after adoption", html, StringComparison.Ordinal);
        Assert.Contains("payments 2026-01-01 (derived)", html, StringComparison.Ordinal);
        var team = await client.GetStringAsync("/admin/dashboards/ai?quarter=2026-Q3&team=payments");
        Assert.Contains("Assistant usage: the organisation&#x27;s, for comparison", team, StringComparison.Ordinal);
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
}
