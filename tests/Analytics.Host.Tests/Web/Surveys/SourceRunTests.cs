using System.Net;
using Analytics.Core.Storage;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Host.Tests.Web.Surveys;

/// <summary>"Run now" from <c>/admin/sources</c>: the sync runs in the service's scheduler and its run is recorded as manual.</summary>
public sealed class SourceRunTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-run-now-").FullName;
    private WebApplication _pagerDuty = null!;
    private WebApplicationFactory<Program> _factory = null!;

    public async Task InitializeAsync()
    {
        // A local PagerDuty with one page of two incidents.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _pagerDuty = builder.Build();
        _pagerDuty.MapGet("/incidents", () => Results.Json(new
        {
            incidents = new[] { Incident("P1"), Incident("P2") },
            limit = 100, offset = 0, more = false, total = (int?)null,
        }));
        await _pagerDuty.StartAsync();
        var address = _pagerDuty.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "run.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Admin:InitialPassword", SurveyWebApp.AdminPassword)
            .UseSetting("Pulse:Sources:PagerDuty:Token", "pd-token")
            .UseSetting("Pulse:Sources:PagerDuty:BaseUrl", address)
            // Two weeks after the incidents, well inside the first sync's horizon, whatever the real date.
            .UseClock(new FakeTimeProvider(new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero))));
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _pagerDuty.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_running_sync_is_announced_with_a_refresh_link_and_the_page_never_refreshes_itself()
    {
        using var client = _factory.CreateClient();
        using (await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin/sources")]))
        {
        }

        using (var connection = _factory.Services.GetRequiredService<PulseDatabase>().Open())
        {
            connection.Execute(SqlQueries.Get("ingestion/start_run"), new { run_id = Guid.NewGuid(), source = "github", trigger = "manual", started_at = new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero), process_id = Environment.ProcessId });
        }

        var page = await client.GetStringAsync("/admin/sources");

        Assert.Contains("A sync is running (as of 00:00:00 UTC). <a href=\"/admin/sources\">Refresh</a> to see when it ends.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_now_syncs_the_source_in_the_service_and_records_a_manual_run()
    {
        using var client = _factory.CreateClient();
        using (var signIn = await SurveyWebApp.FillAsync(client, "/admin/login", [new("username", "admin"), new("password", SurveyWebApp.AdminPassword), new("returnUrl", "/admin/sources")]))
        {
            Assert.Contains("not scheduled", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var token = SurveyWebApp.HiddenFields(await client.GetStringAsync("/admin/sources"))["__RequestVerificationToken"];
        using var started = await client.PostAsync("/admin/sources/pagerduty/run", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        var queued = await started.Content.ReadAsStringAsync();
        Assert.Contains("The pagerduty sync is queued as job ", queued, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/jobs/jobs/details/", queued, StringComparison.Ordinal);

        var run = await WaitForRunAsync();
        Assert.Equal(("pagerduty", "manual", "succeeded", 2L), run);
        Assert.Equal("admin|source.run|source|pagerduty|2026-09-15 00:00:00", Text(
            "SELECT actor || '|' || action || '|' || object_kind || '|' || object_id || '|' || strftime(occurred_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') FROM admin_audit_log"));
        var page = await client.GetStringAsync("/admin/sources");
        Assert.Contains("<td>pagerduty</td><td>manual</td><td>succeeded</td><td class=\"number\">2</td>", page, StringComparison.Ordinal);

        using var unknown = await client.PostAsync("/admin/sources/bitbucket/run", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("There is no source &#x27;bitbucket&#x27;.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1L, Count("SELECT count(*) FROM admin_audit_log"));
    }

    [Fact]
    public async Task Run_now_needs_a_signed_in_admin()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/admin/sources/pagerduty/run", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Equal(0L, Count("SELECT count(*) FROM ingestion_runs"));
    }

    private async Task<(string, string, string, long)> WaitForRunAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var connection = _factory.Services.GetRequiredService<PulseDatabase>().Open();
            var run = connection.QuerySingleOrDefault<(string, string, string, long)?>(
                "SELECT source, trigger, status, rows_inserted FROM ingestion_runs WHERE status <> 'running'");
            if (run is { } done)
            {
                return done;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The sync did not finish within 10 s.");
    }

    private string Text(string sql)
    {
        using var connection = _factory.Services.GetRequiredService<PulseDatabase>().Open();
        return connection.ExecuteScalar<string>(sql)!;
    }

    private long Count(string sql)
    {
        using var connection = _factory.Services.GetRequiredService<PulseDatabase>().Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static object Incident(string id) => new
    {
        id, incident_number = 1, title = "Checkout errors", status = "resolved", urgency = "high",
        created_at = "2026-09-01T10:00:00Z", last_status_change_at = "2026-09-01T11:00:00Z",
        service = new { id = "PSVC", summary = "payments-api", type = "service_reference" },
        priority = new { id = "PRIO1", type = "priority_reference", summary = "P1" },
    };
}
