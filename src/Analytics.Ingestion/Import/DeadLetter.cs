using Analytics.Core.Storage;

namespace Analytics.Ingestion.Import;

/// <summary>A record that could not be stored, kept with its payload and the reason.</summary>
public sealed record DeadLetter(Guid DeadLetterId, Guid? RunId, string Source, string Entity, string Payload, string Reason, DateTimeOffset ReceivedAt) : IStoredRow
{
    /// <inheritdoc />
    public static string Table => "dead_letters";

    /// <inheritdoc />
    public void AppendTo(PulseAppenderRow row) =>
        row.AppendValue(DeadLetterId).AppendValue(RunId).AppendValue(Source).AppendValue(Entity).AppendValue(Payload).AppendValue(Reason).AppendValue(ReceivedAt).EndRow();
}
