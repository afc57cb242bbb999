namespace Analytics.Surveys.Audit;

/// <summary>One admin action as the audit log keeps it.</summary>
/// <param name="EntryId">Its place in the log: later entries have larger numbers.</param>
/// <param name="OccurredAt">When it was done (UTC).</param>
/// <param name="Actor">The signed-in name of the admin who did it.</param>
/// <param name="Action">What was done, one of <see cref="AuditActions"/>.</param>
/// <param name="ObjectKind">The kind of thing it was done to, as in <see cref="AuditTarget"/>.</param>
/// <param name="ObjectId">Which one.</param>
/// <param name="Detail">More about it, such as how many links were made, if anything.</param>
public sealed record AuditEntry(long EntryId, DateTimeOffset OccurredAt, string Actor, string Action, string ObjectKind, string ObjectId, string? Detail);
