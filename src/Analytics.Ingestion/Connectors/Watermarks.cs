using System.Data;
using System.Globalization;
using Analytics.Core.Storage;
using Dapper;

namespace Analytics.Ingestion.Connectors;

/// <summary>
/// A source stream's watermark: how far the last committed sync got. Saved with <see cref="Save"/> inside the
/// transaction that stores the rows it covers, so a failed or cancelled run never moves it past stored data.
/// </summary>
public static class Watermarks
{
    /// <summary>The saved watermark, or null before the first sync.</summary>
    public static DateTimeOffset? Read(IDbConnection connection, string source, string stream) =>
        connection.QuerySingleOrDefault<string>(SqlQueries.Get("ingestion/read_watermark"), new { source, stream }) is { } saved
            ? DateTimeOffset.Parse(saved, CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Where a stream's next sync starts reading (<c>Since</c>: the watermark less an overlap, so late changes are
    /// read again; before the first sync, <paramref name="firstSyncDays"/> back) and the watermark to carry forward
    /// (<c>Newest</c>) until newer records are seen.
    /// </summary>
    public static (DateTimeOffset Since, DateTimeOffset Newest) Window(IDbConnection connection, string source, string stream, DateTimeOffset now, int firstSyncDays, int overlapHours)
    {
        var saved = Read(connection, source, stream);
        var newest = saved ?? now.AddDays(-firstSyncDays);
        return (saved is null ? newest : newest.AddHours(-overlapHours), newest);
    }

    /// <summary>Saves watermarks as of <paramref name="savedAt"/>; call from the batch's in-transaction step.</summary>
    public static void Save(IDbConnection connection, string source, IReadOnlyDictionary<string, DateTimeOffset> streams, DateTimeOffset savedAt)
    {
        foreach (var (stream, watermark) in streams)
        {
            connection.Execute(SqlQueries.Get("ingestion/save_watermark"), new { source, stream, watermark = watermark.ToString("O", CultureInfo.InvariantCulture), saved_at = savedAt });
        }
    }
}
