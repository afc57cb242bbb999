UPDATE ingestion_runs
SET finished_at = $finished_at, status = $status, rows_inserted = $inserted, rows_updated = $updated, rows_rejected = $rejected, error = $error
WHERE run_id = $run_id;
