using System.Globalization;
using System.Text;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources.GitHub;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Connectors.GitHub;

/// <summary>
/// Pulls from GitHub's REST API for every catalogued repository: deployments with their statuses
/// (<c>/deployments</c>), runs of the configured deploy workflows (<c>/actions/runs</c>), and merged pull
/// requests with their commits and reviews (<c>/pulls</c>, most recently updated first). Every list is read
/// newest first through <c>Link</c> pages and stops at the first page older than its stream's watermark less an
/// overlap, so late status changes are picked up; the watermarks are saved in the same transaction as the rows.
/// </summary>
public sealed class GitHubConnector(HttpClient client, IOptions<GitHubOptions> options, TimeProvider clock) : ISourceConnector
{
    private const string Source = "github";

    /// <inheritdoc />
    public string Name => Source;

    /// <inheritdoc />
    public string? MissingSetting => string.IsNullOrEmpty(options.Value.Token)
        ? "GitHub has no token: set Pulse:Sources:GitHub:Token (or Pulse__Sources__GitHub__Token)."
        : null;

    /// <inheritdoc />
    public async Task<ImportResult> SyncAsync(PulseConnection connection, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (MissingSetting is { } missing)
        {
            throw new SourceRequestException(missing);
        }

        var repositories = connection.Query<CataloguedRepository>(SqlQueries.Get("ingestion/catalogued_repositories")).ToList();
        var batch = new IngestionBatch(Source, trigger, clock);
        var sync = new Sync(new SourceHttp(client), settings, batch, EngineerLogins.Load(connection), new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal), cancellationToken);
        return await batch.RunAsync(connection, async () =>
        {
            foreach (var repository in repositories)
            {
                await ReadDeploymentsAsync(connection, sync, repository);
                if (settings.DeploymentWorkflows.Count > 0)
                {
                    await ReadWorkflowRunsAsync(connection, sync, repository);
                }

                if (settings.PullRequests)
                {
                    await ReadPullRequestsAsync(connection, sync, repository);
                }
            }

            return inTransaction => Watermarks.Save(inTransaction, Source, sync.Watermarks, clock.GetUtcNow());
        });
    }

    private async Task ReadDeploymentsAsync(PulseConnection connection, Sync sync, CataloguedRepository repository)
    {
        var entity = ImportableEntities.All["deployments"];
        var (stream, since, newest) = Window(connection, sync.Settings, $"deployments:{repository.Repository}");
        Uri? next = new(sync.Settings.BaseUrl, $"repos/{repository.Repository}/deployments?per_page=100");
        while (next is not null)
        {
            var page = await sync.GetAsync(next);
            var deployments = GitHubDeploymentMapper.ReadDeployments(Stream(page.Body));
            foreach (var deployment in deployments.Where(d => d.CreatedAt >= since))
            {
                var statuses = await sync.GetAsync(new Uri(sync.Settings.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"repos/{repository.Repository}/deployments/{deployment.Id}/statuses?per_page=100")));
                try
                {
                    sync.Batch.AddMapped(entity, GitHubDeploymentMapper.Map(repository.ServiceId, deployment, GitHubDeploymentMapper.ReadStatusList(Stream(statuses.Body)), sync.EngineerByLogin));
                }
                catch (FormatException error)
                {
                    sync.Batch.Reject(entity.Name, new RejectedRecord($"{repository.Repository} deployment {deployment.Id}", statuses.Body, error.Message));
                }

                newest = Later(newest, deployment.CreatedAt);
            }

            // Newest first: once a page reaches past the window, later pages are older still.
            next = deployments.Count > 0 && deployments.Min(d => d.CreatedAt) < since ? null : page.Next;
        }

        sync.Watermarks[stream] = newest;
    }

    private async Task ReadWorkflowRunsAsync(PulseConnection connection, Sync sync, CataloguedRepository repository)
    {
        var entity = ImportableEntities.All["deployments"];
        var (stream, since, newest) = Window(connection, sync.Settings, $"runs:{repository.Repository}");
        var created = Uri.EscapeDataString($">={since.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        Uri? next = new(sync.Settings.BaseUrl, $"repos/{repository.Repository}/actions/runs?per_page=100&status=completed&created={created}");
        while (next is not null)
        {
            var page = await sync.GetAsync(next);
            var runs = GitHubWorkflowRunMapper.ReadPage(Stream(page.Body)).WorkflowRuns;
            foreach (var run in runs.Where(r => r.CreatedAt >= since))
            {
                var workflow = sync.Settings.DeploymentWorkflows.FirstOrDefault(w => GitHubWorkflowRunMapper.IsOf(run, w.Workflow));
                if (workflow is null)
                {
                    continue;
                }

                try
                {
                    if (GitHubWorkflowRunMapper.Map(repository.ServiceId, run, workflow.Environment, sync.EngineerByLogin) is { } deployment)
                    {
                        sync.Batch.AddMapped(entity, deployment);
                    }
                }
                catch (FormatException error)
                {
                    sync.Batch.Reject(entity.Name, new RejectedRecord($"{repository.Repository} workflow run {run.Id}", System.Text.Json.JsonSerializer.Serialize(run), error.Message));
                }

                newest = Later(newest, run.CreatedAt);
            }

            next = runs.Count > 0 && runs.Min(r => r.CreatedAt) < since ? null : page.Next;
        }

        sync.Watermarks[stream] = newest;
    }

    private async Task ReadPullRequestsAsync(PulseConnection connection, Sync sync, CataloguedRepository repository)
    {
        var entity = ImportableEntities.All["changes"];
        var (stream, since, newest) = Window(connection, sync.Settings, $"pulls:{repository.Repository}");
        Uri? next = new(sync.Settings.BaseUrl, $"repos/{repository.Repository}/pulls?state=closed&sort=updated&direction=desc&per_page=100");
        while (next is not null)
        {
            var page = await sync.GetAsync(next);
            var pulls = GitHubPullRequestMapper.ReadPulls(Stream(page.Body));
            foreach (var pull in pulls.Where(p => (p.UpdatedAt ?? p.CreatedAt) >= since && p.MergedAt is not null))
            {
                var commits = await sync.GetAsync(new Uri(sync.Settings.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"repos/{repository.Repository}/pulls/{pull.Number}/commits?per_page=100")));
                var reviews = await sync.GetAsync(new Uri(sync.Settings.BaseUrl, string.Create(CultureInfo.InvariantCulture, $"repos/{repository.Repository}/pulls/{pull.Number}/reviews?per_page=100")));
                try
                {
                    var pullCommits = GitHubPullRequestMapper.ReadCommits(Stream(commits.Body));
                    var changes = GitHubPullRequestMapper.Map(repository.ServiceId, repository.Repository, pull,
                        pullCommits, GitHubPullRequestMapper.ReadReviews(Stream(reviews.Body)), sync.EngineerByLogin).ToList();
                    foreach (var change in changes)
                    {
                        sync.Batch.AddMapped(entity, change);
                    }

                    foreach (var signal in GitHubChangeSignals.Of(repository.Repository, pull, pullCommits))
                    {
                        sync.Batch.AddMapped(AiImportableEntities.ChangeSignals, signal);
                    }
                }
                catch (FormatException error)
                {
                    sync.Batch.Reject(entity.Name, new RejectedRecord($"{repository.Repository} pull request {pull.Number}", commits.Body, error.Message));
                }
            }

            newest = pulls.Select(p => p.UpdatedAt ?? p.CreatedAt).Append(newest).Max();
            next = pulls.Count > 0 && pulls.Min(p => p.UpdatedAt ?? p.CreatedAt) < since ? null : page.Next;
        }

        sync.Watermarks[stream] = newest;
    }

    /// <summary>A stream's reading window (see <see cref="Watermarks.Window"/>).</summary>
    private (string Stream, DateTimeOffset Since, DateTimeOffset Newest) Window(PulseConnection connection, GitHubOptions settings, string stream)
    {
        var (since, newest) = Watermarks.Window(connection, Source, stream, clock.GetUtcNow(), settings.FirstSyncDays, settings.OverlapHours);
        return (stream, since, newest);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static MemoryStream Stream(string body) => new(Encoding.UTF8.GetBytes(body));

    private sealed record CataloguedRepository(string ServiceId, string Repository);

    /// <summary>What every stream of one sync shares.</summary>
    private sealed record Sync(SourceHttp Http, GitHubOptions Settings, IngestionBatch Batch, Func<string?, string?> EngineerByLogin,
        Dictionary<string, DateTimeOffset> Watermarks, CancellationToken CancellationToken)
    {
        public Task<SourceHttp.Page> GetAsync(Uri url) => Http.GetPageAsync(() => Request(url, Settings.Token!), "GitHub", CancellationToken);

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
}
