using Analytics.Core.Storage;

namespace Analytics.Core.Assistants;

/// <summary>A licensed seat of a coding assistant, held by a login (matched to an engineer's SCM login).</summary>
/// <param name="Assistant">The assistant, for example <c>copilot</c>.</param>
/// <param name="Login">The holder's login at the source.</param>
/// <param name="AssignedAt">When the seat was assigned.</param>
/// <param name="CancelledOn">The day the seat ends, when it is cancelled.</param>
/// <param name="LastActivityAt">The holder's last use the source knows of.</param>
/// <param name="Source">Where the row came from.</param>
public sealed record AiSeat(
    string Assistant,
    string Login,
    DateTimeOffset AssignedAt,
    DateOnly? CancelledOn,
    DateTimeOffset? LastActivityAt,
    string Source) : IStoredRow, IStampedRow<AiSeat>
{
    /// <inheritdoc />
    public static string Table => "ai_seats";

    /// <summary>When the row was written (UTC).</summary>
    public DateTimeOffset? IngestedAt { get; init; }

    /// <inheritdoc />
    public AiSeat StampedAt(DateTimeOffset writtenAt) => this with { IngestedAt = writtenAt };

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row
            .AppendValue(Assistant)
            .AppendValue(Login)
            .AppendValue(AssignedAt)
            .AppendValue(CancelledOn)
            .AppendValue(LastActivityAt)
            .AppendValue(Source)
            .AppendValue(IngestedAt)
            .EndRow();
}
