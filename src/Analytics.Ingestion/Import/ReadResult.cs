namespace Analytics.Ingestion.Import;

/// <summary>A record read from a file, or why it could not be read.</summary>
public sealed record ReadResult(SourceRecord? Record, RejectedRecord? Rejected);
