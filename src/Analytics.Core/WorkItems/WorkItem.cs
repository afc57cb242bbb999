using Analytics.Core.Storage;

namespace Analytics.Core.WorkItems;

/// <summary>A ticket: bug, feature, incident follow-up, rework or support request.</summary>
/// <param name="WorkItemId">Source-qualified id, for example <c>jira:PLAT-12</c>.</param>
/// <param name="Project">Project key.</param>
/// <param name="Kind">bug, feature, incident, rework, support_request or task.</param>
/// <param name="Title">Summary.</param>
/// <param name="Labels">Labels.</param>
/// <param name="TeamId">The team that handles it.</param>
/// <param name="RequesterTeamId">For support requests: the team that asked.</param>
/// <param name="RequestCategory">Request type, for support requests.</param>
/// <param name="Status">Status in the source.</param>
/// <param name="CreatedAt">Created.</param>
/// <param name="FirstResponseAt">First response by the handling team.</param>
/// <param name="ResolvedAt">Resolved.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record WorkItem(
    string WorkItemId,
    string Project,
    string Kind,
    string Title,
    IReadOnlyList<string?> Labels,
    string? TeamId,
    string? RequesterTeamId,
    string? RequestCategory,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FirstResponseAt,
    DateTimeOffset? ResolvedAt,
    string Source) : IStoredRow, IStampedRow<WorkItem>
{
    /// <inheritdoc />
    public static string Table => "work_items";

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public WorkItem StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(WorkItemId)
            .AppendValue(Project)
            .AppendValue(Kind)
            .AppendValue(Title)
            .AppendValue(Labels)
            .AppendValue(TeamId)
            .AppendValue(RequesterTeamId)
            .AppendValue(RequestCategory)
            .AppendValue(Status)
            .AppendValue(CreatedAt)
            .AppendValue(FirstResponseAt)
            .AppendValue(ResolvedAt)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .EndRow();
}
