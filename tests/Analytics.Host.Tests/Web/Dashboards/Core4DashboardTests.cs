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

namespace Analytics.Host.Tests.Web.Dashboards;

/// <summary>DX Core 4 on the demo organisation: the dashboard page and the API endpoint show the metrics service's figures.</summary>
public sealed class Core4DashboardTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-core4-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public Core4DashboardTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "core4.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "core4.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    private MetricsService Metrics => _factory.Services.GetRequiredService<MetricsService>();

    [Fact]
    public async Task The_page_shows_a_panel_per_team_and_the_organisation_with_the_services_figures()
    {
        await _factory.Services.GetRequiredService<AdminAccounts>().SetPasswordAsync("admin", SurveyWebApp.AdminPassword, CancellationToken.None);
        using var client = await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/dashboards/core4?quarter=2026-Q3"));

        var core4 = await Metrics.Core4Async(new Quarter(2026, 3), null, CancellationToken.None);
        Assert.Contains("<title>DX Core 4, 2026-Q3 – Pulse</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"core4-organisation\">Whole organisation</h2>", html, StringComparison.Ordinal);
        Assert.Equal(core4.Panels.Count, html.Split("<section class=\"panel\"").Length - 1);
        var organisation = core4.Panels.Single(p => p.Level == "organisation");
        Assert.Contains($"<td class=\"number\">{organisation.ChangeFailureRate.Value!.Value * 100:0.#}%</td>", html, StringComparison.Ordinal);
        Assert.Contains(core4.Model.Used ? "cross-validated accuracy" : "Impact is by the rules only", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/dashboards/core4?quarter=2026-Q3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_returns_the_panels_and_refuses_a_bad_quarter_and_an_unknown_team()
    {
        var key = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Tests", "test", CancellationToken.None);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);

        using var response = await client.GetAsync(new Uri("/api/v1/core4?quarter=2026-Q3&team=payments", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/api/v1/core4?quarter=2026-3", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/api/v1/core4?quarter=2026-Q3&team=nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var panel = Assert.Single(json.RootElement.GetProperty("panels").EnumerateArray());
        var expected = (await Metrics.Core4Async(new Quarter(2026, 3), "payments", CancellationToken.None)).Panels.Single();
        Assert.Equal("payments", panel.GetProperty("teamId").GetString());
        Assert.Equal(expected.Speed.Value!.Value, panel.GetProperty("speed").GetProperty("value").GetDouble(), 9);
        Assert.True(json.RootElement.GetProperty("model").TryGetProperty("macroAccuracy", out _));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("2026-Q3", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
