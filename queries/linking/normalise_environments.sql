-- Every source's environment names in one spelling: trimmed, lower case, and 'production' for any name configured
-- as production (Pulse:Metrics:ProductionEnvironments, kept in delivery_settings), so that prod, Production and live
-- deployments count wherever they came from. Only the given services' rows (all when $services is NULL).
UPDATE deployments
SET environment = n.environment
FROM (
    SELECT d.deployment_id,
           CASE WHEN list_contains(s.production_environments, lower(trim(d.environment))) THEN 'production'
                ELSE lower(trim(d.environment)) END AS environment
    FROM deployments d, delivery_settings s
    WHERE CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), d.service_id)
) n
WHERE deployments.deployment_id = n.deployment_id AND deployments.environment <> n.environment;
