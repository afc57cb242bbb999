using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Analytics.Ingestion.Connectors.Jira;
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
    /// <summary>
    /// Adds the demo data loader (section <c>Pulse:DemoData</c>), push ingestion (section <c>Pulse:Webhooks</c>) and a
    /// connector per API source (sections <c>Pulse:Sources:&lt;Source&gt;</c>), each also as an <see cref="ISourceConnector"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPulseIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoDataOptions>().BindConfiguration(DemoDataOptions.Section);
        builder.Services.AddSingleton<DemoDataLoader>();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EventIngestor>());
        builder.Services.AddSingleton<GitHubWebhookIngestor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        AddConnector<PagerDutyConnector, PagerDutyOptions>(builder, PagerDutyOptions.Section);
        AddConnector<GitHubConnector, GitHubOptions>(builder, GitHubOptions.Section);
        AddConnector<GitLabConnector, GitLabOptions>(builder, GitLabOptions.Section);
        AddConnector<JiraConnector, JiraOptions>(builder, JiraOptions.Section);
        return builder;
    }

    private static void AddConnector<TConnector, TOptions>(IHostApplicationBuilder builder, string section)
        where TConnector : class, ISourceConnector
        where TOptions : class
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section);
        builder.Services.AddHttpClient<TConnector>(client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(ResilientHttp.CreateHandler);
        builder.Services.AddTransient<ISourceConnector>(services => services.GetRequiredService<TConnector>());
    }
}
