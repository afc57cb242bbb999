-- Each source's latest runs, newest first within a source.
SELECT run_id AS RunId, source AS Source, trigger AS Trigger, started_at AS StartedAt, finished_at AS FinishedAt, status AS Status,
       rows_inserted AS RowsInserted, rows_updated AS RowsUpdated, rows_rejected AS RowsRejected, error AS Error
FROM ingestion_runs
QUALIFY row_number() OVER (PARTITION BY source ORDER BY started_at DESC, run_id) <= $per_source
ORDER BY source, started_at DESC, run_id;
