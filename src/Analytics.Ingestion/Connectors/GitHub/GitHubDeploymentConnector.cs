using System.Globalization;
using System.Text;
using Analytics.Core.Storage;
using Analytics.DuckDb;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.GitHub;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.GitHub;

/// <summary>
/// Pulls deployments and their statuses for every catalogued repository from GitHub's REST API
/// (<c>GET /repos/{owner}/{repo}/deployments</c>, newest first, Link pagination; then each deployment's
/// <c>/statuses</c>). Reading stops at the first page older than the repository's watermark less an overlap, so
/// late status changes are picked up; watermarks are saved in the same transaction as the deployments.
/// </summary>
public sealed class GitHubDeploymentConnector(HttpClient client, IOptions<GitHubOptions> options, TimeProvider clock)
{
    private const string Source = "github";

    private sealed record CataloguedRepository(string ServiceId, string Repository);

    /// <summary>Syncs every repository; returns what was stored and refused.</summary>
    public async Task<ImportResult> SyncAsync(DuckDbConnection connection, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.Token))
        {
            throw new SourceRequestException("GitHub has no token: set Pulse:Sources:GitHub:Token (or Pulse__Sources__GitHub__Token).");
        }

        var repositories = connection.Query<CataloguedRepository>(SqlQueries.Get("ingestion/catalogued_repositories")).ToList();
        var engineers = connection.Query<(string Login, string Id)>(SqlQueries.Get("ingestion/engineer_logins")).GroupBy(e => e.Login, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        var http = new ResilientHttp(client);
        var entity = ImportableEntities.All["deployments"];
        var batch = new IngestionBatch(Source, trigger);
        var watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        return await batch.RunAsync(connection, async () =>
        {
            foreach (var repository in repositories)
            {
                var stream = $"deployments:{repository.Repository}";
                var saved = connection.QuerySingleOrDefault<string>(SqlQueries.Get("ingestion/read_watermark"), new { source = Source, stream });
                var newest = saved is null ? clock.GetUtcNow().AddDays(-settings.FirstSyncDays) : DateTimeOffset.Parse(saved, CultureInfo.InvariantCulture);
                var since = saved is null ? newest : newest.AddHours(-settings.OverlapHours);
                Uri? next = new(settings.BaseUrl, $"repos/{repository.Repository}/deployments?per_page=100");
                while (next is not null)
                {
                    var url = next;
                    var page = await http.GetPageAsync(() => Request(url, settings.Token), "GitHub", cancellationToken);
                    var deployments = GitHubDeploymentMapper.ReadDeployments(Stream(page.Body));
                    foreach (var deployment in deployments.Where(d => d.CreatedAt >= since))
                    {
                        var statusUrl = new Uri(settings.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"repos/{repository.Repository}/deployments/{deployment.Id}/statuses?per_page=100"));
                        var statuses = await http.GetStringAsync(() => Request(statusUrl, settings.Token), "GitHub", cancellationToken);
                        try
                        {
                            var mapped = GitHubDeploymentMapper.Map(repository.ServiceId, deployment, GitHubDeploymentMapper.ReadStatusList(Stream(statuses)), login => login is null ? null : engineers.GetValueOrDefault(login));
                            batch.AddMapped(entity, mapped);
                        }
                        catch (FormatException error)
                        {
                            batch.Reject(entity.Name, new RejectedRecord($"{repository.Repository} deployment {deployment.Id}", statuses, error.Message));
                        }

                        newest = deployment.CreatedAt > newest ? deployment.CreatedAt : newest;
                    }

                    // Newest first: once a page reaches past the window, later pages are older still.
                    next = deployments.Count > 0 && deployments.Min(d => d.CreatedAt) < since ? null : page.Next;
                }

                watermarks[stream] = newest;
            }

            return inTransaction =>
            {
                foreach (var (stream, watermark) in watermarks)
                {
                    inTransaction.Execute(SqlQueries.Get("ingestion/save_watermark"), new { source = Source, stream, watermark = watermark.ToString("O", CultureInfo.InvariantCulture) });
                }
            };
        });
    }

    private static MemoryStream Stream(string body) => new(Encoding.UTF8.GetBytes(body));

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
