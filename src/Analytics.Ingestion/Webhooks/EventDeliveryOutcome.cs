using Analytics.Ingestion.Import;

namespace Analytics.Ingestion.Webhooks;

/// <summary>What became of one event delivery, once its run is committed.</summary>
/// <param name="Stored">Events mapped and written (an event older than the stored state is written as nothing and logged).</param>
/// <param name="Rejected">Events kept as dead letters, with their place and reason.</param>
/// <param name="AlreadyReceived">The delivery id was stored before: nothing of this delivery was applied again.</param>
public sealed record EventDeliveryOutcome(long Stored, IReadOnlyList<RejectedRecord> Rejected, bool AlreadyReceived)
{
    /// <summary>The answer to a delivery that was stored before.</summary>
    public static EventDeliveryOutcome Duplicate { get; } = new(0, [], AlreadyReceived: true);
}
