using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Analytics.Host.Tests.Web;

public sealed class HealthApiTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-web-").FullName;

    private sealed record Health(string Status, string Database);

    [Fact]
    public async Task Healthz_answers_200_once_the_database_is_open()
    {
        var path = Path.Combine(_folder, "web.duckdb");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseSetting("Pulse:Database:Path", path));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Health("ok", path), await response.Content.ReadFromJsonAsync<Health>());
        Assert.True(File.Exists(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
