-- Runs marked running, with the process that runs them (NULL for runs recorded before owners were).
SELECT run_id AS RunId, process_id AS ProcessId, started_at AS StartedAt
FROM ingestion_runs
WHERE status = 'running';
