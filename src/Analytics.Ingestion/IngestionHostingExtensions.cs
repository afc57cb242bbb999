using Analytics.Ingestion.DemoData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Ingestion;

/// <summary>Registers ingestion services.</summary>
public static class IngestionHostingExtensions
{
    /// <summary>Adds the demo data loader and its options (section <c>Pulse:DemoData</c>).</summary>
    public static IHostApplicationBuilder AddPulseIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        builder.Services.AddSingleton<DemoDataLoader>();
        return builder;
    }
}
