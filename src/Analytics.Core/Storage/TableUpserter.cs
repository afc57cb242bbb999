using Dapper;

namespace Analytics.Core.Storage;

/// <summary>
/// Writes records by primary key: new keys are inserted, known ones replaced, so loading the same data twice
/// leaves identical tables. Rows go through the appender into a temporary staging table of the same shape, then
/// one <c>INSERT OR REPLACE</c> moves them. Within one call, a later record with the same key wins. Run it inside
/// the caller's transaction to make a batch atomic with its watermark. Only rows whose stored values change count
/// as updated, so loading the same data again reports nothing updated. A caller may name a query that first drops
/// staged rows which must not replace what is stored (an event older than the stored state); those count as ignored.
/// </summary>
public static class TableUpserter
{
    // When a row was written, not what it says: a re-import that changes nothing still sets them.
    private static readonly HashSet<string> BookkeepingColumns = new(["ingested_at", "updated_at"], StringComparer.Ordinal);

    /// <summary>
    /// Upserts the records into their table. <paramref name="dropStaleQuery"/>, when given, names a query that deletes
    /// from <c>staging_&lt;table&gt;</c> the rows that must not be stored; it runs before anything is counted or written.
    /// </summary>
    public static UpsertResult Upsert<T>(PulseConnection connection, IEnumerable<T> rows, string? dropStaleQuery = null)
        where T : IStoredRow
    {
        // Identifiers come from the record types and DuckDB's own catalog, never from input.
        var table = T.Table;
        var staging = $"staging_{table}";
        var key = connection.Query<string>(SqlQueries.Get("storage/primary_key_columns"), new { table }).ToList();
        if (key.Count == 0)
        {
            throw new InvalidOperationException($"Table {table} has no primary key to upsert by.");
        }

        Execute(connection, $"CREATE OR REPLACE TEMP TABLE {staging} AS SELECT * FROM {table} LIMIT 0");
        using (var appender = connection.CreateAppender("temp", "main", staging))
        {
            foreach (var row in rows)
            {
                row.AppendTo(appender.CreateRow());
            }
        }

        var ignored = dropStaleQuery is null ? 0 : connection.Execute(SqlQueries.Get(dropStaleQuery));
        var keyList = string.Join(", ", key);
        var deduplicated = $"SELECT * FROM {staging} QUALIFY row_number() OVER (PARTITION BY {keyList} ORDER BY rowid DESC) = 1";
        var staged = connection.QuerySingle<long>($"SELECT count(*) FROM ({deduplicated})");
        var existing = connection.QuerySingle<long>($"SELECT count(*) FROM ({deduplicated}) s SEMI JOIN {table} t USING ({keyList})");
        var updated = connection.QuerySingle<long>($"SELECT count(*) FROM ({deduplicated}) s JOIN {table} t USING ({keyList}) WHERE {Differs<T>(connection, table, key)}");
        Execute(connection, $"INSERT OR REPLACE INTO {table} {deduplicated}");

        // On failure the staging table is left to the next call (CREATE OR REPLACE) or the end of the connection:
        // dropping it inside an aborted transaction would only hide the real error.
        Execute(connection, $"DROP TABLE {staging}");
        return new UpsertResult(staged - existing, updated, ignored);
    }

    /// <summary>
    /// The condition under which a staged row <c>s</c> changes the stored row <c>t</c> with its key: a value differs,
    /// leaving out bookkeeping columns and derived columns the incoming row does not set.
    /// </summary>
    private static string Differs<T>(PulseConnection connection, string table, IReadOnlyCollection<string> key)
        where T : IStoredRow
    {
        var compared = connection.Query<string>(SqlQueries.Get("storage/table_columns"), new { table })
            .Where(c => !key.Contains(c) && !BookkeepingColumns.Contains(c))
            .Select(c => T.DerivedColumns.Contains(c) ? $"(s.{c} IS NOT NULL AND s.{c} IS DISTINCT FROM t.{c})"
                : T.NormalisedColumns.TryGetValue(c, out var macro) ? $"{macro}(s.{c}) IS DISTINCT FROM t.{c}"
                : $"s.{c} IS DISTINCT FROM t.{c}")
            .ToList();
        return compared.Count == 0 ? "false" : string.Join(" OR ", compared);
    }

    private static void Execute(PulseConnection connection, string sql)
    {
        using var command = new PulseCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
