using System.Globalization;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.GitLab;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.GitLab;

/// <summary>
/// Pulls deployments and merged merge requests (with their commits, and for the AI-assisted rule their authors'
/// usernames and commits' trailers) of the configured GitLab projects, each updated since its stream's watermark less
/// an overlap, oldest first, following <c>X-Next-Page</c>. Watermarks are saved in the same transaction as the rows.
/// </summary>
public sealed class GitLabConnector(HttpClient client, IOptions<GitLabOptions> options, TimeProvider clock) : ISourceConnector
{
    private const string Source = "gitlab";

    /// <inheritdoc />
    public string Name => Source;

    /// <inheritdoc />
    public string? MissingSetting =>
        string.IsNullOrEmpty(options.Value.Token) ? "GitLab has no token: set Pulse:Sources:GitLab:Token (or Pulse__Sources__GitLab__Token)."
        : options.Value.Projects.Count == 0 ? "GitLab has no projects to read: list them in Pulse:Sources:GitLab:Projects (Pulse__Sources__GitLab__Projects__0, …)."
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

        var projects = settings.Projects.Select(project =>
            (Project: project, Service: connection.QuerySingleOrDefault<string>(SqlQueries.Get("ingestion/service_by_repository"), new { repository = project })
                ?? throw new SourceRequestException($"GitLab project '{project}' is not the repository of any catalogued service: add it to the catalog or remove it from Pulse:Sources:GitLab:Projects."))).ToList();
        var engineerByLogin = EngineerLogins.Load(connection);
        var http = new SourceHttp(client);
        Task<SourceHttp.Page> GetAsync(string path) => http.GetPageAsync(() => Request(new Uri(settings.BaseUrl, path), token), "GitLab", cancellationToken);

        var batch = new IngestionBatch(Source, trigger, clock);
        var watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        return await batch.RunAsync(connection, async () =>
        {
            foreach (var (project, service) in projects)
            {
                var id = Uri.EscapeDataString(project);
                var deployments = ImportableEntities.All["deployments"];
                watermarks[$"deployments:{project}"] = await ReadAsync(connection, settings, $"deployments:{project}",
                    since => $"projects/{id}/deployments?updated_after={since}&order_by=updated_at&sort=asc&per_page=100", GetAsync,
                    body => GitLabMapper.ReadDeployments(body), d => d.UpdatedAt, d =>
                    {
                        try
                        {
                            if (GitLabMapper.Map(service, d, engineerByLogin) is { } deployment)
                            {
                                batch.AddMapped(deployments, deployment);
                            }
                        }
                        catch (FormatException error)
                        {
                            batch.Reject(deployments.Name, new RejectedRecord($"{project} deployment {d.Id}", System.Text.Json.JsonSerializer.Serialize(d), error.Message));
                        }

                        return Task.CompletedTask;
                    });

                var changes = ImportableEntities.All["changes"];
                watermarks[$"merge_requests:{project}"] = await ReadAsync(connection, settings, $"merge_requests:{project}",
                    since => $"projects/{id}/merge_requests?state=merged&updated_after={since}&order_by=updated_at&sort=asc&per_page=100", GetAsync,
                    body => GitLabMapper.ReadMergeRequests(body), m => m.UpdatedAt, async m =>
                    {
                        var commits = await GetAsync(string.Create(CultureInfo.InvariantCulture, $"projects/{id}/merge_requests/{m.Iid}/commits?per_page=100"));
                        try
                        {
                            var requestCommits = GitLabMapper.ReadCommits(Stream(commits.Body));
                            foreach (var change in GitLabMapper.Map(service, project, m, requestCommits, engineerByLogin).ToList())
                            {
                                batch.AddMapped(changes, change);
                            }

                            foreach (var signal in GitLabChangeSignals.Of(project, m, requestCommits))
                            {
                                batch.AddMapped(AiImportableEntities.ChangeSignals, signal);
                            }
                        }
                        catch (FormatException error)
                        {
                            batch.Reject(changes.Name, new RejectedRecord($"{project} merge request !{m.Iid}", commits.Body, error.Message));
                        }
                    });
            }

            return inTransaction => Watermarks.Save(inTransaction, Source, watermarks, clock.GetUtcNow());
        });
    }

    /// <summary>Reads every page of a list updated since the stream's window, oldest first; returns the new watermark.</summary>
    private async Task<DateTimeOffset> ReadAsync<T>(PulseConnection connection, GitLabOptions settings, string stream, Func<string, string> path,
        Func<string, Task<SourceHttp.Page>> get, Func<Stream, IReadOnlyList<T>> read, Func<T, DateTimeOffset> updated, Func<T, Task> take)
    {
        var (from, newest) = Watermarks.Window(connection, Source, stream, clock.GetUtcNow(), settings.FirstSyncDays, settings.OverlapHours);
        var since = Uri.EscapeDataString(from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var first = path(since);
        string? page = "1";
        while (!string.IsNullOrEmpty(page))
        {
            var response = await get($"{first}&page={page}");
            foreach (var item in read(Stream(response.Body)))
            {
                await take(item);
                newest = updated(item) > newest ? updated(item) : newest;
            }

            // GitLab leaves X-Next-Page empty on the last page.
            page = response.Header("X-Next-Page");
        }

        return newest;
    }

    private static MemoryStream Stream(string body) => new(Encoding.UTF8.GetBytes(body));

    private static HttpRequestMessage Request(Uri url, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", token);
        return request;
    }
}
