-- Every source's environment names in one spelling: trimmed, lower case, and 'production' for any name configured
-- as production (Pulse:Metrics:ProductionEnvironments, kept in delivery_settings), so that prod, Production and live
-- deployments count wherever they came from. The name the source gave is kept in source_environment, and the
-- normalised one is always derived from it. Only the given services' rows (all when $services is NULL).
UPDATE deployments
SET source_environment = n.source_environment, environment = n.environment
FROM (
    SELECT d.deployment_id, d.source_environment AS given,
           coalesce(d.source_environment, d.environment) AS source_environment,
           CASE WHEN list_contains(s.production_environments, lower(trim(coalesce(d.source_environment, d.environment)))) THEN 'production'
                ELSE lower(trim(coalesce(d.source_environment, d.environment))) END AS environment
    FROM deployments d, delivery_settings s
    WHERE CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), d.service_id)
) n
WHERE deployments.deployment_id = n.deployment_id AND (n.given IS NULL OR deployments.environment <> n.environment);
