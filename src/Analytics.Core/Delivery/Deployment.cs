using Analytics.Core.Storage;

namespace Analytics.Core.Delivery;

/// <summary>A deployment of a service to an environment.</summary>
/// <param name="DeploymentId">Source-qualified id, for example <c>github:123</c>.</param>
/// <param name="ServiceId">The service deployed.</param>
/// <param name="Environment">Normalised environment: production, staging, …</param>
/// <param name="Sha">The commit deployed.</param>
/// <param name="StartedAt">When the deployment started (UTC).</param>
/// <param name="FinishedAt">When it reached its final status.</param>
/// <param name="Status">success, failure, error, in_progress or cancelled.</param>
/// <param name="IsRollback">A rollback to an earlier version.</param>
/// <param name="IsHotfix">An unplanned fix (counts as rework).</param>
/// <param name="ViaPlatform">Deployed through the platform's pipeline.</param>
/// <param name="DeployedBy">The engineer who triggered it.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record Deployment(
    string DeploymentId,
    string ServiceId,
    string Environment,
    string? Sha,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    bool IsRollback,
    bool IsHotfix,
    bool ViaPlatform,
    string? DeployedBy,
    string Source) : IStoredRow, IStampedRow<Deployment>
{
    /// <inheritdoc />
    public static string Table => "deployments";

    /// <inheritdoc />
    public static IReadOnlyCollection<string> DerivedColumns => ["release_id", "source_environment"];

    /// <inheritdoc />
    public static IReadOnlyDictionary<string, string> NormalisedColumns => new Dictionary<string, string>(StringComparer.Ordinal) { ["environment"] = "normalised_environment" };

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public Deployment StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    /// <remarks>
    /// The last columns, release_id and source_environment, are derived by <see cref="DeliveryLinker"/> after every
    /// load: the environment is stored as given and normalised there, for every source alike.
    /// </remarks>
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(DeploymentId)
            .AppendValue(ServiceId)
            .AppendValue(Environment)
            .AppendValue(Sha)
            .AppendValue(StartedAt)
            .AppendValue(FinishedAt)
            .AppendValue(Status)
            .AppendValue(IsRollback)
            .AppendValue(IsHotfix)
            .AppendValue(ViaPlatform)
            .AppendValue(DeployedBy)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .AppendValue((string?)null)
            .AppendValue((string?)null)
            .EndRow();
}
