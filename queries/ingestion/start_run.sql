INSERT INTO ingestion_runs (run_id, source, trigger, started_at, status)
VALUES ($run_id, $source, $trigger, $started_at, 'running');
