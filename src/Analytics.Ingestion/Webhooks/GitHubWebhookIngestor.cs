using System.Text.Json.Serialization;
using Analytics.Core.Storage;
using Analytics.Ingestion.Import;
using Analytics.Ingestion.Sources;
using Analytics.Ingestion.Sources.GitHub;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Ingestion.Webhooks;

/// <summary>
/// Stores GitHub webhook deliveries: <c>deployment_status</c> becomes a deployment (its newest status), a merged
/// <c>pull_request</c> (action closed) becomes a change. The repository's <c>full_name</c> finds the service; a
/// delivery for a repository the catalog does not know is kept as a dead letter. Each <c>X-GitHub-Delivery</c> id
/// is remembered for <see cref="WebhookOptions.GitHubDeliveryMemory"/>: a redelivery is acknowledged and not applied
/// again, and a deployment status older than the stored one never rolls the deployment back.
/// </summary>
public sealed class GitHubWebhookIngestor(PulseDatabase database, TimeProvider clock, IOptions<WebhookOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>A repository reference in a payload.</summary>
    public sealed record Repository([property: JsonPropertyName("full_name")] string FullName);

    private sealed record DeploymentStatusEvent(
        [property: JsonPropertyName("deployment_status")] GitHubDeploymentMapper.GitHubDeploymentStatus DeploymentStatus,
        [property: JsonPropertyName("deployment")] GitHubDeploymentMapper.GitHubDeployment Deployment,
        [property: JsonPropertyName("repository")] Repository Repository);

    private sealed record PullRequestEvent(
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("pull_request")] GitHubPullRequestMapper.GitHubPullRequest PullRequest,
        [property: JsonPropertyName("repository")] Repository Repository);

    /// <summary>What GitHub's delivery log shows for a delivery id that was stored before.</summary>
    public const string AlreadyReceived = "already received: not applied again";

    /// <summary>Handles one delivery; returns what happened, for the response body.</summary>
    public async Task<string> IngestAsync(string eventName, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        if (eventName is not ("deployment_status" or "pull_request"))
        {
            return $"ignored: Pulse does not use '{eventName}' events";
        }

        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var now = clock.GetUtcNow();
            DeliveryLog.ForgetExpired(connection, now);
            if (DeliveryLog.WasReceived(connection, DeliveryLog.GitHub, deliveryId, now))
            {
                return AlreadyReceived;
            }

            var batch = new IngestionBatch("github", "webhook", clock) { IgnoresOlderEvents = true };
            string outcome;
            try
            {
                outcome = eventName == "deployment_status" ? AddDeployment(connection, batch, body) : AddPullRequest(connection, batch, body);
            }
            catch (FormatException error)
            {
                batch.Reject(eventName, new RejectedRecord("delivery", System.Text.Encoding.UTF8.GetString(body), error.Message));
                outcome = $"rejected: {error.Message}";
            }

            var rememberUntil = now + options.Value.GitHubDeliveryMemory;
            await batch.RunAsync(connection, () => Task.FromResult<Action<Analytics.Core.Storage.PulseConnection>?>(
                transaction => DeliveryLog.Remember(transaction, DeliveryLog.GitHub, deliveryId, now, rememberUntil)));
            return batch.StoredByEntity.GetValueOrDefault("deployments")?.Ignored > 0
                ? "ignored: the stored deployment has a newer status"
                : outcome;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static string AddDeployment(Analytics.Core.Storage.PulseConnection connection, IngestionBatch batch, byte[] body)
    {
        var delivery = Read<DeploymentStatusEvent>(body);
        var service = ServiceOf(connection, delivery.Repository.FullName);
        var deployment = GitHubDeploymentMapper.Map(service, delivery.Deployment, [delivery.DeploymentStatus], login => EngineerOf(connection, login));
        batch.AddMapped(ImportableEntities.All["deployments"], deployment);
        return $"stored deployment {deployment.DeploymentId} ({deployment.Status})";
    }

    private static string AddPullRequest(Analytics.Core.Storage.PulseConnection connection, IngestionBatch batch, byte[] body)
    {
        var delivery = Read<PullRequestEvent>(body);
        if (delivery.Action != "closed" || delivery.PullRequest.MergedAt is null)
        {
            return $"ignored: pull request {delivery.Action}, not merged";
        }

        var service = ServiceOf(connection, delivery.Repository.FullName);

        // The delivery has no commits: the first commit is taken as the pull request's opening until a sync fills it in.
        var changes = GitHubPullRequestMapper.Map(service, delivery.Repository.FullName, delivery.PullRequest, [], [], login => EngineerOf(connection, login)).ToList();
        foreach (var change in changes)
        {
            batch.AddMapped(ImportableEntities.All["changes"], change);
        }

        // Its opener's login, so a pull request an agent opened is AI-assisted before the sync brings its commits' trailers.
        foreach (var signal in GitHubChangeSignals.Of(delivery.Repository.FullName, delivery.PullRequest, []))
        {
            batch.AddMapped(AiImportableEntities.ChangeSignals, signal);
        }

        return $"stored change {changes[0].ChangeId}";
    }

    private static T Read<T>(byte[] body)
    {
        using var stream = new MemoryStream(body);
        return SourceJson.Read<T>(stream, "GitHub delivery");
    }

    private static string ServiceOf(Analytics.Core.Storage.PulseConnection connection, string repository) =>
        connection.QuerySingleOrDefault<string>(SqlQueries.Get("ingestion/service_by_repository"), new { repository })
        ?? throw new FormatException($"repository {repository} is not in the catalog; add its github.com/project-slug annotation.");

    private static string? EngineerOf(Analytics.Core.Storage.PulseConnection connection, string? login) =>
        login is null ? null : connection.QuerySingleOrDefault<string>(SqlQueries.Get("ingestion/engineer_by_login"), new { login });
}
