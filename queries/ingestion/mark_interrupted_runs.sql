-- Runs whose process is gone were cut off by a stop, kill or crash: nothing of theirs was committed (rows and
-- watermark commit together), so they are closed as failed and the next run starts from the last saved watermark.
UPDATE ingestion_runs
SET status = 'failed', finished_at = $finished_at, error = $reason
WHERE status = 'running' AND run_id = $run_id;
