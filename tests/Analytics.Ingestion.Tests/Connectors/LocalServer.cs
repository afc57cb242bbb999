using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Ingestion.Tests.Connectors;

/// <summary>A real HTTP server on Kestrel (127.0.0.1, random port) that a test maps a source's API onto.</summary>
public static class LocalServer
{
    /// <summary>Starts an app whose routes <paramref name="map"/> adds.</summary>
    public static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>The address the server listens on, ending in '/'.</summary>
    public static Uri BaseUrl(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
}
