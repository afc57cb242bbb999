using Analytics.DuckDb;
using Dapper;

namespace Analytics.Core.Storage;

/// <summary>
/// Writes records by primary key: new keys are inserted, known ones replaced, so loading the same data twice
/// leaves identical tables. Rows go through the appender into a temporary staging table of the same shape, then
/// one <c>INSERT OR REPLACE</c> moves them. Within one call, a later record with the same key wins. Run it inside
/// the caller's transaction to make a batch atomic with its watermark.
/// </summary>
public static class TableUpserter
{
    /// <summary>Upserts the records into their table.</summary>
    public static UpsertResult Upsert<T>(DuckDbConnection connection, IEnumerable<T> rows)
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
        using (var appender = connection.CreateAppender(staging, "main", "temp"))
        {
            foreach (var row in rows)
            {
                row.AppendTo(appender.CreateRow());
            }
        }

        var keyList = string.Join(", ", key);
        var deduplicated = $"SELECT * FROM {staging} QUALIFY row_number() OVER (PARTITION BY {keyList} ORDER BY rowid DESC) = 1";
        var staged = connection.QuerySingle<long>($"SELECT count(*) FROM ({deduplicated})");
        var updated = connection.QuerySingle<long>($"SELECT count(*) FROM ({deduplicated}) s SEMI JOIN {table} t USING ({keyList})");
        Execute(connection, $"INSERT OR REPLACE INTO {table} {deduplicated}");

        // On failure the staging table is left to the next call (CREATE OR REPLACE) or the end of the connection:
        // dropping it inside an aborted transaction would only hide the real error.
        Execute(connection, $"DROP TABLE {staging}");
        return new UpsertResult(staged - updated, updated);
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = new DuckDbCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
