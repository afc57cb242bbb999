namespace Analytics.Ingestion.Connectors;

/// <summary>A source refused a request in a way retrying cannot fix; the message says what to change.</summary>
public sealed class SourceRequestException(string message) : Exception(message);
