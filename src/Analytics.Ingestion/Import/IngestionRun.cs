namespace Analytics.Ingestion.Import;

/// <summary>One recorded ingestion run.</summary>
public sealed record IngestionRun(
    Guid RunId,
    string Source,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Status,
    long RowsInserted,
    long RowsUpdated,
    long RowsRejected,
    string? Error);
