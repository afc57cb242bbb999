SELECT run_id AS RunId, source AS Source, trigger AS Trigger, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status,
       rows_inserted AS RowsInserted, rows_updated AS RowsUpdated, rows_rejected AS RowsRejected, error AS Error
FROM ingestion_runs
ORDER BY started_at DESC
LIMIT $limit;
