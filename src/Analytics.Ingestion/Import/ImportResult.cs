namespace Analytics.Ingestion.Import;

/// <summary>What an import stored and what it refused.</summary>
public sealed record ImportResult(Guid RunId, long Inserted, long Updated, IReadOnlyList<RejectedRecord> Rejected);
