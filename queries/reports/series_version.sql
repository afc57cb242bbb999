-- The version of the data a quarter's monthly delivery series are computed from, for the report's series cache:
-- it changes whenever a load adds or updates deployments, changes, incidents or services (row counts, the latest
-- ingestion time, and the finished ingestion runs with the rows they updated).
SELECT concat_ws('/',
    (SELECT count(*) FROM deployments), (SELECT max(ingested_at) FROM deployments),
    (SELECT count(*) FROM changes), (SELECT max(ingested_at) FROM changes),
    (SELECT count(*) FROM incidents), (SELECT max(ingested_at) FROM incidents),
    (SELECT count(*) FROM services),
    (SELECT count(*) FROM ingestion_runs WHERE finished_at IS NOT NULL),
    (SELECT coalesce(sum(rows_updated), 0) FROM ingestion_runs)) AS Version;
