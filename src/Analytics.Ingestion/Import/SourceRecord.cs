namespace Analytics.Ingestion.Import;

/// <summary>One record read from a file: where it was, its raw text (for dead letters) and its fields by name.</summary>
public sealed record SourceRecord(string Location, string Raw, IReadOnlyDictionary<string, string?> Fields);
