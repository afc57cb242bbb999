-- The process that runs an ingestion: a run still marked running whose process is gone was cut off (killed or
-- crashed), while one whose process lives is in progress, perhaps in the service while the command line runs.
ALTER TABLE ingestion_runs ADD COLUMN process_id INTEGER;
