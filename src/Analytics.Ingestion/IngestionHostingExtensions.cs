using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.PagerDuty;
using Analytics.Ingestion.DemoData;
using Analytics.Ingestion.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Analytics.Ingestion;

/// <summary>Registers ingestion services.</summary>
public static class IngestionHostingExtensions
{
    /// <summary>Adds the demo data loader (section <c>Pulse:DemoData</c>) and push ingestion (section <c>Pulse:Webhooks</c>).</summary>
    public static IHostApplicationBuilder AddPulseIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        builder.Services.AddSingleton<DemoDataLoader>();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSingleton<GitHubWebhookIngestor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<PagerDutyOptions>().BindConfiguration(PagerDutyOptions.Section);
        builder.Services.AddHttpClient<PagerDutyConnector>(client => client.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddOptions<GitHubOptions>().BindConfiguration(GitHubOptions.Section);
        builder.Services.AddHttpClient<GitHubDeploymentConnector>(client => client.Timeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
