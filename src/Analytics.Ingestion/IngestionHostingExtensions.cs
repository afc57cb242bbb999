using Analytics.Ingestion.Connectors;
using Analytics.Ingestion.Connectors.Copilot;
using Analytics.Ingestion.Connectors.GitHub;
using Analytics.Ingestion.Connectors.GitLab;
using Analytics.Ingestion.Connectors.Jira;
using Analytics.Ingestion.Connectors.PagerDuty;
using Analytics.Ingestion.DemoData;
using Analytics.Ingestion.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        AddConnector<PagerDutyConnector, PagerDutyOptions>(builder, PagerDutyOptions.Section, "PagerDuty", o => o.BaseUrl);
        AddConnector<GitHubConnector, GitHubOptions>(builder, GitHubOptions.Section, "GitHub", o => o.BaseUrl);
        AddConnector<GitLabConnector, GitLabOptions>(builder, GitLabOptions.Section, "GitLab", o => o.BaseUrl);
        AddConnector<JiraConnector, JiraOptions>(builder, JiraOptions.Section, "Jira", o => o.BaseUrl);
        AddConnector<CopilotConnector, CopilotOptions>(builder, CopilotOptions.Section, "GitHub Copilot", o => o.BaseUrl);
        return builder;
    }

    /// <summary>
    /// A typed HttpClient per source: the origin check (<see cref="SameOriginHandler"/>) outside the resilience
    /// handler (<see cref="SourceResilience"/>, settings from <c>&lt;section&gt;:Http</c>, read when the client's
    /// pipeline is first built, so a bad setting fails that source's sync with one line and no other source's).
    /// </summary>
    private static void AddConnector<TConnector, TOptions>(IHostApplicationBuilder builder, string section, string source, Func<TOptions, Uri> origin)
        where TConnector : class, ISourceConnector
        where TOptions : class
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section);
        // The resilience pipeline times every request and its retries; HttpClient's own timeout would cut rate-limit waits short.
        builder.Services.AddHttpClient<TConnector>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(SourceHttp.CreatePrimaryHandler)
            .AddHttpMessageHandler(services => new SameOriginHandler(origin(services.GetRequiredService<IOptions<TOptions>>().Value), source))
            .AddResilienceHandler($"{source}-http", (pipeline, context) => pipeline.AddSourceStrategies(
                SourceHttpOptions.Read(context.ServiceProvider.GetRequiredService<IConfiguration>(), section), context.ServiceProvider.GetRequiredService<TimeProvider>()));
        builder.Services.AddTransient<ISourceConnector>(services => services.GetRequiredService<TConnector>());
    }
}
