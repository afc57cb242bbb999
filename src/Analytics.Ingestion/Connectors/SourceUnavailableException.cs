namespace Analytics.Ingestion.Connectors;

/// <summary>
/// A source stayed unavailable through the HTTP retries (5xx, 429, timeouts, refused or dropped connections, an open
/// circuit): a later attempt may succeed, so the job runner retries the sync. Failures retrying cannot fix are
/// <see cref="SourceRequestException"/>s.
/// </summary>
public sealed class SourceUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
