using Analytics.Core.Storage;

namespace Analytics.Core.Delivery;

/// <summary>A change: a pull or merge request, or a commit (alone or inside one).</summary>
/// <param name="ChangeId">Source-qualified id, for example <c>github:org/repo#42</c>.</param>
/// <param name="Kind">pull_request, merge_request or commit.</param>
/// <param name="ParentChangeId">For a commit inside a pull request: that request.</param>
/// <param name="ServiceId">The service the repository belongs to.</param>
/// <param name="Repository"><c>owner/name</c>.</param>
/// <param name="AuthorId">The engineer who wrote it.</param>
/// <param name="Title">Title or first line of the message.</param>
/// <param name="Labels">Labels (hotfix, revert, …).</param>
/// <param name="FirstCommitAt">The first commit's author time (lead time starts here).</param>
/// <param name="OpenedAt">When the request was opened.</param>
/// <param name="FirstReviewAt">The first review.</param>
/// <param name="MergedAt">When it was merged.</param>
/// <param name="Sha">Merge commit or commit sha.</param>
/// <param name="DeploymentId">The first production deployment that shipped it, when the source says so (stored as linked by the source; otherwise Pulse links it).</param>
/// <param name="Source">Where the record came from.</param>
/// <param name="DeployedAt">When the deployment that shipped it went out (set with DeploymentId).</param>
public sealed record Change(
    string ChangeId,
    string Kind,
    string? ParentChangeId,
    string ServiceId,
    string? Repository,
    string? AuthorId,
    string? Title,
    IReadOnlyList<string?> Labels,
    DateTimeOffset? FirstCommitAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? FirstReviewAt,
    DateTimeOffset? MergedAt,
    string? Sha,
    string? DeploymentId,
    string Source,
    DateTimeOffset? DeployedAt = null) : IStoredRow, IStampedRow<Change>
{
    /// <inheritdoc />
    public static string Table => "changes";

    /// <inheritdoc />
    public static IReadOnlyCollection<string> DerivedColumns => ["linked_by", "deployment_id", "deployed_at"];

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public Change StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(ChangeId)
            .AppendValue(Kind)
            .AppendValue(ParentChangeId)
            .AppendValue(ServiceId)
            .AppendValue(Repository)
            .AppendValue(AuthorId)
            .AppendValue(Title)
            .AppendValue(Labels)
            .AppendValue(FirstCommitAt)
            .AppendValue(OpenedAt)
            .AppendValue(FirstReviewAt)
            .AppendValue(MergedAt)
            .AppendValue(Sha)
            .AppendValue(DeploymentId)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .AppendValue(DeployedAt)
            .AppendValue(DeploymentId is null ? null : "source")
            .EndRow();
}
