INSERT INTO ingestion_runs (run_id, source, trigger, started_at, status, process_id)
VALUES ($run_id, $source, $trigger, $started_at, 'running', $process_id);
