namespace Analytics.Core.Storage;

/// <summary>Stamps rows with the time they are written, for writers that handle rows of any type.</summary>
public static class RowStamp
{
    /// <summary>
    /// The row stamped as written at <paramref name="writtenAt"/> when it is an <see cref="IStampedRow{TSelf}"/>;
    /// any other row as it is.
    /// </summary>
    public static T Apply<T>(T row, DateTimeOffset writtenAt) =>
        row is IStampedRow<T> stamped ? stamped.StampedAt(writtenAt) : row;
}
