SELECT count(*) FROM ingestion_runs WHERE source = $source AND status = 'running';
