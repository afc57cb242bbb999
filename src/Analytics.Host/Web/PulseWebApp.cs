using Analytics.Core.Metrics;
using Analytics.Core.Storage;
using Analytics.Host.Storage;
using Analytics.Ingestion;
using Analytics.Ingestion.Scheduling;

namespace Analytics.Host.Web;

/// <summary>The web service: dashboards, APIs and the survey form, on the embedded database.</summary>
internal static class PulseWebApp
{
    public static WebApplication Build(string[] args, string? databasePath)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPulseHost(databasePath);
        builder.Services.AddHostedService<DatabaseKeeper>();
        builder.AddPulseScheduling();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHealth();
        app.MapEvents();
        app.MapGitHubWebhook();
        return app;
    }

    /// <summary>The services every entry point shares: configuration, storage and ingestion.</summary>
    public static IHostApplicationBuilder AddPulseHost(this IHostApplicationBuilder builder, string? databasePath)
    {
        // appsettings.json ships next to the executable; it is the lowest layer, under the working directory's
        // own files, the environment and the command line.
        var shipped = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = true,
        };
        shipped.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, shipped);
        if (databasePath is not null)
        {
            builder.Configuration[$"{DatabaseOptions.Section}:Path"] = databasePath;
        }

        builder.AddPulseStorage();
        builder.AddPulseMetrics();
        builder.AddPulseIngestion();
        builder.Services.AddSingleton<DatabaseInitializer>();
        return builder;
    }
}
