-- Every source's environment names in one spelling (macro normalised_environment: trimmed, lower case, and
-- 'production' for any name configured as production in Pulse:Metrics:ProductionEnvironments, kept in
-- delivery_settings), so that prod, Production and live deployments count wherever they came from. The name the
-- source gave is kept in source_environment and the normalised one always derived from it, so a changed list
-- applies both ways. Only the given services' rows (all when $services is NULL).
UPDATE deployments
SET source_environment = coalesce(source_environment, environment),
    environment = normalised_environment(coalesce(source_environment, environment))
WHERE (CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), service_id))
  AND (source_environment IS NULL OR environment <> normalised_environment(source_environment));
