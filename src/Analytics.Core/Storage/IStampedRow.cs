namespace Analytics.Core.Storage;

/// <summary>
/// A stored row with a column for when it was written (<c>ingested_at</c>, <c>updated_at</c>). The record never
/// reads the clock: the code that writes it stamps it from its injected <see cref="TimeProvider"/> (see
/// <see cref="RowStamp"/>), and a row left unstamped is refused by the column's NOT NULL constraint.
/// </summary>
/// <typeparam name="TSelf">The record type itself.</typeparam>
public interface IStampedRow<out TSelf>
{
    /// <summary>The same record, stamped as written at <paramref name="writtenAt"/>.</summary>
    TSelf StampedAt(DateTimeOffset writtenAt);
}
