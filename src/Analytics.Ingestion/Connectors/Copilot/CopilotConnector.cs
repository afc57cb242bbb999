using System.Globalization;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.Copilot;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.Copilot;

/// <summary>
/// Pulls an organisation's GitHub Copilot metrics by day (<c>GET /orgs/{org}/copilot/metrics?since=…&amp;until=…</c>,
/// <c>Link</c> pages) and, when enabled, its licensed seats (<c>GET /orgs/{org}/copilot/billing/seats</c>). The
/// watermark is the newest day stored, saved with the rows; each sync reads again from a couple of days before it,
/// as the API may complete a day late. A 401 or 403 fails at once naming the token's missing scope (no retry).
/// </summary>
public sealed class CopilotConnector(HttpClient client, IOptions<CopilotOptions> options, TimeProvider clock) : ISourceConnector
{
    private const string Source = "copilot";
    private const string Stream = "metrics";
    private const string ApiName = "GitHub Copilot";

    /// <inheritdoc />
    public string Name => Source;

    /// <inheritdoc />
    public string? MissingSetting => string.IsNullOrEmpty(options.Value.Token)
        ? "GitHub Copilot has no token: set Pulse:Sources:Copilot:Token (or Pulse__Sources__Copilot__Token)."
        : string.IsNullOrWhiteSpace(options.Value.Organization)
            ? "GitHub Copilot has no organisation: set Pulse:Sources:Copilot:Organization."
            : null;

    /// <inheritdoc />
    public async Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (MissingSetting is { } missing)
        {
            throw new SourceRequestException(missing);
        }

        var organisation = settings.Organization!.Trim(); // MissingSetting has checked it and the token.
        var editors = settings.Editors.Select(e => e.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var saved = Watermarks.Read(connection, Source, Stream) is { } mark ? DateOnly.FromDateTime(mark.UtcDateTime) : (DateOnly?)null;
        var since = saved?.AddDays(-settings.OverlapDays) ?? today.AddDays(-settings.FirstSyncDays);
        var http = new SourceHttp(client);
        var batch = new IngestionBatch(Source, trigger, clock);
        return await batch.RunAsync(connection, async () =>
        {
            var newest = saved;
            Uri? next = new(settings.BaseUrl, string.Create(CultureInfo.InvariantCulture,
                $"orgs/{Uri.EscapeDataString(organisation)}/copilot/metrics?since={since:yyyy-MM-dd}T00:00:00Z&until={today:yyyy-MM-dd}T00:00:00Z&per_page=100"));
            while (next is not null)
            {
                var page = await http.GetPageAsync(() => Request(next, settings.Token!), ApiName, cancellationToken);
                var mapped = CopilotMetricsMapper.Map(page.Body, organisation, editors);
                foreach (var row in mapped.Rows)
                {
                    batch.AddMapped(AiImportableEntities.Usage, row);
                }

                foreach (var rejected in mapped.Rejected)
                {
                    batch.Reject(AiImportableEntities.Usage.Name, rejected);
                }

                newest = mapped.NewestDay is { } day && (newest is null || day > newest) ? day : newest;
                next = page.Next;
            }

            if (settings.Seats)
            {
                await ReadSeatsAsync(http, settings, organisation, batch, cancellationToken);
            }

            return newest is { } stored
                ? inTransaction => Watermarks.Save(inTransaction, Source, new Dictionary<string, DateTimeOffset> { [Stream] = new(stored.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) }, clock.GetUtcNow())
                : null;
        });
    }

    private static async Task ReadSeatsAsync(SourceHttp http, CopilotOptions settings, string organisation, IngestionBatch batch, CancellationToken cancellationToken)
    {
        Uri? next = new(settings.BaseUrl, $"orgs/{Uri.EscapeDataString(organisation)}/copilot/billing/seats?per_page=100");
        while (next is not null)
        {
            var page = await http.GetPageAsync(() => Request(next, settings.Token!), ApiName, cancellationToken);
            var mapped = CopilotSeatMapper.Map(page.Body, organisation);
            foreach (var seat in mapped.Seats)
            {
                batch.AddMapped(AiImportableEntities.Seats, seat);
            }

            foreach (var activity in mapped.Activity)
            {
                batch.AddMapped(AiImportableEntities.SeatActivity, activity);
            }

            foreach (var rejected in mapped.Rejected)
            {
                batch.Reject(AiImportableEntities.Seats.Name, rejected);
            }

            next = mapped.Count == 0 ? null : page.Next;
        }
    }

    private static HttpRequestMessage Request(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.github+json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", "2022-11-28");
        request.Headers.TryAddWithoutValidation("User-Agent", "pulse-analytics");
        return request;
    }
}
