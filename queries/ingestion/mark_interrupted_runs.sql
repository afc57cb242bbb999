-- Runs still marked running when the service starts were cut off by a stop or crash: nothing of theirs was
-- committed (rows and watermark commit together), so they are closed as failed and the next run starts from the
-- last saved watermark.
UPDATE ingestion_runs
SET status = 'failed', finished_at = $finished_at, error = 'interrupted: the service stopped during the run'
WHERE status = 'running';
