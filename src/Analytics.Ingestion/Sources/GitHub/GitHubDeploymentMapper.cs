using System.Text.Json.Serialization;
using Analytics.Core.Delivery;

namespace Analytics.Ingestion.Sources.GitHub;

/// <summary>
/// Maps GitHub's REST deployments (<c>GET /repos/{owner}/{repo}/deployments</c>) and their statuses
/// (<c>GET …/deployments/{id}/statuses</c>) to deployments. The newest status decides the outcome.
/// </summary>
public static class GitHubDeploymentMapper
{
    /// <summary>A deployment as GitHub returns it (only the fields Pulse reads).</summary>
    public sealed record GitHubDeployment(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("sha")] string Sha,
        [property: JsonPropertyName("environment")] string Environment,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
        [property: JsonPropertyName("creator")] GitHubUser? Creator = null,
        [property: JsonPropertyName("production_environment")] bool? ProductionEnvironment = null);

    /// <summary>A deployment status as GitHub returns it.</summary>
    public sealed record GitHubDeploymentStatus(
        [property: JsonPropertyName("id")] long Id,
        [property: JsonPropertyName("state")] string State,
        [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt);

    /// <summary>A user reference.</summary>
    public sealed record GitHubUser([property: JsonPropertyName("login")] string Login);

    /// <summary>Maps one deployment and its statuses; <paramref name="engineerByLogin"/> attributes it.</summary>
    public static Deployment Map(string serviceId, GitHubDeployment deployment, IReadOnlyList<GitHubDeploymentStatus> statuses, Func<string?, string?> engineerByLogin)
    {
        var final = statuses.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).LastOrDefault();
        var status = final?.State switch
        {
            null or "queued" or "pending" or "in_progress" => "in_progress",
            "success" or "inactive" => "success",
            "failure" => "failure",
            "error" => "error",
            var other => throw new FormatException($"Deployment {deployment.Id} has an unknown status state '{other}'."),
        };
        var finishedAt = status == "in_progress" ? null : final?.CreatedAt;
        return new Deployment($"github:{deployment.Id}", serviceId, NormaliseEnvironment(deployment.Environment, deployment.ProductionEnvironment),
            deployment.Sha, deployment.CreatedAt, finishedAt, status, false, false, true, engineerByLogin(deployment.Creator?.Login), "github");
    }

    /// <summary>Reads a deployments page.</summary>
    public static IReadOnlyList<GitHubDeployment> ReadDeployments(Stream json) => SourceJson.Read<List<GitHubDeployment>>(json, "deployments page");

    /// <summary>Reads one deployment's statuses, as <c>GET …/deployments/{id}/statuses</c> returns them.</summary>
    public static IReadOnlyList<GitHubDeploymentStatus> ReadStatusList(Stream json) => SourceJson.Read<List<GitHubDeploymentStatus>>(json, "deployment statuses page");

    /// <summary>Reads statuses keyed by deployment id.</summary>
    public static IReadOnlyDictionary<string, List<GitHubDeploymentStatus>> ReadStatuses(Stream json) =>
        SourceJson.Read<Dictionary<string, List<GitHubDeploymentStatus>>>(json, "deployment statuses");

    /// <summary>
    /// The environment as the source names it, or <c>production</c> when the source flags it as production. Names
    /// such as prod or live are mapped for every source at once when stored (see DeliveryLinker).
    /// </summary>
    public static string NormaliseEnvironment(string environment, bool? isProduction) =>
        isProduction == true ? "production" : environment.Trim();
}
