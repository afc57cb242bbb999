namespace Analytics.Ingestion.Import;

/// <summary>A record that was not stored: where it was, its raw text, and why.</summary>
public sealed record RejectedRecord(string Location, string Raw, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Reason}";
}
