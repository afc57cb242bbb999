using System.Net;
using Analytics.Core.Storage;
using Dapper;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Host.Tests.Web;

public sealed class HealthApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-web-").FullName;

    [Fact]
    public async Task Healthz_answers_200_once_the_database_is_open()
    {
        var path = Path.Combine(_folder, "web.duckdb");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("Pulse:Database:Path", path));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy"}""", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Healthz_tells_an_anonymous_caller_nothing_about_the_installation()
    {
        var path = Path.Combine(_folder, "web.duckdb");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("Pulse:Database:Path", path));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        using var client = factory.CreateClient();

        var body = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

        Assert.DoesNotContain(_folder, body, StringComparison.Ordinal);
        Assert.DoesNotContain("duckdb", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("database", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Readyz_answers_ready_once_migrated_and_the_job_server_runs()
    {
        await using var factory = Factory(runJobs: true);
        using var client = factory.CreateClient();

        using var response = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ready"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_does_not_wait_for_a_job_server_on_an_instance_that_runs_none()
    {
        await using var factory = Factory(runJobs: false);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_is_503_and_says_nothing_more_when_a_migration_is_missing()
    {
        await using var factory = Factory(runJobs: true);
        using var client = factory.CreateClient();
        using (var ready = await ReadyAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await using (var connection = await factory.Services.GetRequiredService<PulseDatabase>().OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)");
        }

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"not ready"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_is_503_when_this_instance_runs_jobs_but_its_job_server_is_gone()
    {
        await using var factory = Factory(runJobs: true);
        using var client = factory.CreateClient();
        using (var ready = await ReadyAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // As when the server stopped or lost its store: its record is gone until a heartbeat (30 s) finds out.
        var storage = factory.Services.GetRequiredService<JobStorage>();
        using (var connection = storage.GetConnection())
        {
            foreach (var server in storage.GetMonitoringApi().Servers())
            {
                connection.RemoveServer(server.Name);
            }
        }

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"not ready"}""", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WebApplicationFactory<Program> Factory(bool runJobs)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("Pulse:Database:Path", Path.Combine(_folder, "ready.duckdb"))
            .UseSetting("Pulse:DemoData:LoadWhenEmpty", "false")
            .UseSetting("Pulse:Jobs:RunJobs", runJobs ? "true" : "false"));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return factory;
    }

    // Hangfire announces its server a moment after the host starts, as a load balancer's probe would find.
    private static async Task<HttpResponseMessage> ReadyAsync(HttpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK || attempt == 100)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }
    }
}
