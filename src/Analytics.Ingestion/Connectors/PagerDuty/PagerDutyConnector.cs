using System.Globalization;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.PagerDuty;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.PagerDuty;

/// <summary>
/// Pulls incidents changed since the last sync from PagerDuty's REST API (<c>GET /incidents</c>, offset
/// pagination while <c>more</c> is true). The watermark — the newest change seen — is saved in the same
/// transaction as the incidents, so a failed or cancelled sync never moves it past stored data.
/// </summary>
public sealed class PagerDutyConnector(HttpClient client, IOptions<PagerDutyOptions> options, TimeProvider clock) : ISourceConnector
{
    private const string Source = "pagerduty";
    private const string Stream = "incidents";
    private const int PageSize = 100;

    /// <inheritdoc />
    public string Name => Source;

    /// <inheritdoc />
    public string? MissingSetting => string.IsNullOrEmpty(options.Value.Token)
        ? "PagerDuty has no token: set Pulse:Sources:PagerDuty:Token (or Pulse__Sources__PagerDuty__Token)."
        : null;

    /// <inheritdoc />
    public async Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (MissingSetting is { } missing)
        {
            throw new SourceRequestException(missing);
        }

        var token = settings.Token!; // MissingSetting has checked that it is set.

        var now = clock.GetUtcNow();
        var since = Watermarks.Read(connection, Source, Stream) ?? now.AddDays(-settings.FirstSyncDays);
        var services = ServiceResolver(connection, settings.ServiceMap);
        var http = new SourceHttp(client);
        var entity = ImportableEntities.All["incidents"];
        var batch = new IngestionBatch(Source, trigger, clock);
        return await batch.RunAsync(connection, async () =>
        {
            var newest = since;
            var offset = 0;
            PagerDutyIncidentMapper.PagerDutyIncidentPage page;
            do
            {
                var url = new Uri(settings.BaseUrl, string.Create(CultureInfo.InvariantCulture,
                    $"incidents?since={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}&until={Uri.EscapeDataString(now.ToString("O", CultureInfo.InvariantCulture))}&limit={PageSize}&offset={offset}&time_zone=UTC"));
                var body = await http.GetStringAsync(() => Request(url, token), "PagerDuty", cancellationToken);
                using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(body)))
                {
                    page = PagerDutyIncidentMapper.ReadPage(stream);
                }

                foreach (var incident in page.Incidents)
                {
                    try
                    {
                        batch.AddMapped(entity, PagerDutyIncidentMapper.Map(incident, services(incident.Service)));
                    }
                    catch (FormatException error)
                    {
                        batch.Reject(entity.Name, new RejectedRecord($"incident {incident.Id}", System.Text.Json.JsonSerializer.Serialize(incident), error.Message));
                    }

                    var changed = incident.LastStatusChangeAt ?? incident.CreatedAt;
                    newest = changed > newest ? changed : newest;
                }

                offset += page.Incidents.Count;
            }
            while (page.More && page.Incidents.Count > 0);

            return inTransaction => Watermarks.Save(inTransaction, Source, new Dictionary<string, DateTimeOffset> { [Stream] = newest }, clock.GetUtcNow());
        });
    }

    private static HttpRequestMessage Request(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", $"Token token={token}");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.pagerduty+json;version=2");
        return request;
    }

    /// <summary>PagerDuty service → Pulse service: the configured map, else a Pulse service whose id is the PagerDuty name.</summary>
    private static Func<PagerDutyIncidentMapper.PagerDutyReference, IReadOnlyDictionary<string, string>> ServiceResolver(
        PulseConnection connection, IReadOnlyDictionary<string, string> map)
    {
        var known = connection.Query<string>(SqlQueries.Get("ingestion/service_ids")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return reference =>
        {
            var resolved = map.GetValueOrDefault(reference.Id) ?? (reference.Summary is { } name && known.Contains(name) ? name : null);
            return resolved is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [reference.Id] = resolved };
        };
    }
}
