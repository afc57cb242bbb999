using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Analytics.Host.ApiKeys;
using Analytics.Host.Tests.Cli;
using Analytics.Host.Tests.Web.Surveys;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Dora;

/// <summary>DORA 2025 buckets and profiles in <c>/api/v1/metrics</c> and on the delivery dashboard, on the demo organisation.</summary>
public sealed class Dora2025WebTests : IClassFixture<DemoDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-dora25-web-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public Dora2025WebTests(DemoDatabase demo)
    {
        demo.CopyTo(_folder, "web.duckdb");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "web.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public async Task The_metrics_api_carries_each_teams_buckets_and_profile()
    {
        var key = await _factory.Services.GetRequiredService<ApiKeyStore>().CreateAsync("Tests", "test", CancellationToken.None);
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);

        using var response = await client.GetAsync(new Uri("/api/v1/metrics?quarter=2026-Q2&team=payments", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var metrics = json.RootElement.GetProperty("metrics");
        var payments = Assert.Single(metrics.GetProperty("doraProfiles").GetProperty("teams").EnumerateArray());
        Assert.Equal("payments", payments.GetProperty("teamId").GetString());
        Assert.NotNull(payments.GetProperty("profileName").GetString());
        Assert.Equal(8, payments.GetProperty("scores").GetArrayLength());
        Assert.All(metrics.GetProperty("doraBuckets").EnumerateArray(), b => Assert.Equal("payments", b.GetProperty("teamId").GetString()));
    }

    [Fact]
    public async Task The_delivery_page_shows_a_DORA_2025_section_with_each_teams_profile_or_reason()
    {
        using var client = await SurveyWebApp.SignInAsync(_factory.CreateClient(), returnUrl: "/admin/dashboards");

        var q2 = await client.GetStringAsync(new Uri("/admin/dashboards/delivery?quarter=2026-Q2", UriKind.Relative));
        Assert.Contains("DORA 2025: buckets and team profiles", q2, StringComparison.Ordinal);
        Assert.Contains("<strong>", q2.Split("dora-2025")[^1], StringComparison.Ordinal);
        Assert.Contains("Pulse&#x27;s reading until replaced: the bands of deployment frequency, change failure rate, rework rate.", q2, StringComparison.Ordinal);

        var q3 = await client.GetStringAsync(new Uri("/admin/dashboards/delivery?quarter=2026-Q3", UriKind.Relative));
        Assert.Contains("No profile: fewer than k people", q3, StringComparison.Ordinal);
        Assert.Contains("Only 2 team(s)", q3, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
