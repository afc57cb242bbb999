namespace Analytics.Ingestion.Import;

/// <summary>What an import stored and what it refused.</summary>
public sealed record ImportResult(Guid RunId, long Inserted, long Updated, IReadOnlyList<RejectedRecord> Rejected)
{
    /// <summary>Services named by stored records that the catalog does not list, with how many records named each.</summary>
    public IReadOnlyDictionary<string, long> UnknownServices { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}
