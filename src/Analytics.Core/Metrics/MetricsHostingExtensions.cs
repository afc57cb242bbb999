using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Core.Metrics;

/// <summary>Registers the metrics service.</summary>
public static class MetricsHostingExtensions
{
    /// <summary>Adds <see cref="MetricsService"/> and its options (section <c>Pulse:Metrics</c>).</summary>
    public static IHostApplicationBuilder AddPulseMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        builder.Services.AddOptions<Core4.Core4Options>().BindConfiguration(Core4.Core4Options.Section);
        builder.Services.AddSingleton<MetricsService>();
        return builder;
    }
}
