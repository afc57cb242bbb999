-- Every source's environment names in one spelling (normalised_environment: trimmed, lower case, and 'production'
-- for any name configured as production in Pulse:Metrics:ProductionEnvironments, kept in delivery_settings), so
-- that prod, Production and live deployments count wherever they came from. Only the given services' rows (all
-- when $services is NULL).
UPDATE deployments
SET environment = normalised_environment(environment)
WHERE (CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), service_id))
  AND environment <> normalised_environment(environment);
