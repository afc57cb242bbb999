using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

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

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
