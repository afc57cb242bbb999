using Analytics.Core.Storage;

namespace Analytics.Core.Incidents;

/// <summary>An incident, optionally linked to the deployment that caused it.</summary>
/// <param name="IncidentId">Source-qualified id.</param>
/// <param name="ServiceId">The affected service.</param>
/// <param name="Title">Title.</param>
/// <param name="Severity">sev1 (worst) to sev5.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="AcknowledgedAt">First acknowledgement.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="CausedByDeploymentId">Explicit link to the deployment that caused it.</param>
/// <param name="CausedBySha">Explicit link by commit sha.</param>
/// <param name="Source">Where the record came from.</param>
public sealed record Incident(
    string IncidentId,
    string? ServiceId,
    string Title,
    string Severity,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ResolvedAt,
    string? CausedByDeploymentId,
    string? CausedBySha,
    string Source) : IStoredRow, IStampedRow<Incident>
{
    /// <inheritdoc />
    public static string Table => "incidents";

    /// <summary>When the row was written (UTC), stamped by its writer with <see cref="StampedAt"/>.</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public Incident StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(IncidentId)
            .AppendValue(ServiceId)
            .AppendValue(Title)
            .AppendValue(Severity)
            .AppendValue(OpenedAt)
            .AppendValue(AcknowledgedAt)
            .AppendValue(ResolvedAt)
            .AppendValue(CausedByDeploymentId)
            .AppendValue(CausedBySha)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .EndRow();
}
