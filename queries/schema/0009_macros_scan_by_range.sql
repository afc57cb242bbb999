-- The failure and attribution rules of 0005 and 0008, unchanged, with each deployment scan bounded on the raw
-- started_at column (a deployment is taken to finish within 7 days of starting). DuckDB can then skip row groups
-- outside the period, and no scan is shared between two uses, which had made DuckDB materialise all production
-- deployments of all time for every query.
CREATE OR REPLACE MACRO incident_attribution(infer_links, inference_hours, opened_from, opened_to) AS TABLE
    WITH causes AS (
        SELECT d.deployment_id, d.service_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND d.started_at >= opened_from - to_hours(CAST(inference_hours AS BIGINT)) - INTERVAL 7 DAY
          AND d.started_at < opened_to
          AND coalesce(d.finished_at, d.started_at) >= opened_from - to_hours(CAST(inference_hours AS BIGINT))
    ),
    opened AS (SELECT * FROM incidents WHERE opened_at >= opened_from AND opened_at < opened_to)
    SELECT i.incident_id, d.deployment_id, i.opened_at, i.resolved_at, false AS inferred
    FROM opened i
    JOIN deployments d ON d.deployment_id = i.caused_by_deployment_id
    WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
    UNION ALL
    SELECT i.incident_id, c.deployment_id, i.opened_at, i.resolved_at, true AS inferred
    FROM (
        SELECT * FROM opened
        WHERE caused_by_deployment_id IS NULL AND service_id IS NOT NULL AND severity IN ('sev1', 'sev2', 'sev3')
    ) i
    ASOF JOIN causes c ON c.service_id = i.service_id AND c.deployed_at <= i.opened_at
    WHERE infer_links AND epoch(i.opened_at) - epoch(c.deployed_at) <= inference_hours * 3600;

CREATE OR REPLACE MACRO deployment_failures(remediation_hours, infer_links, inference_hours, deployed_from, deployed_to) AS TABLE
    WITH causes AS (
        SELECT d.deployment_id, d.service_id, s.team_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        JOIN services s USING (service_id)
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND d.started_at >= deployed_from - INTERVAL 7 DAY AND d.started_at < deployed_to
          AND coalesce(d.finished_at, d.started_at) >= deployed_from AND coalesce(d.finished_at, d.started_at) < deployed_to
    ),
    remediations AS (
        SELECT c.deployment_id, r.deployed_at AS remediated_at, r.is_rollback
        FROM (
            SELECT service_id, started_at, coalesce(finished_at, started_at) AS deployed_at, is_rollback
            FROM deployments
            WHERE environment = 'production' AND status = 'success' AND (is_rollback OR is_hotfix)
              AND started_at > deployed_from AND started_at <= deployed_to + to_hours(CAST(remediation_hours AS BIGINT))
        ) r
        ASOF JOIN causes c ON c.service_id = r.service_id AND c.deployed_at < r.started_at
        WHERE epoch(r.started_at) - epoch(c.deployed_at) <= remediation_hours * 3600
    ),
    by_incident AS (
        SELECT a.deployment_id, min(a.opened_at) AS opened_at, max(a.resolved_at) AS resolved_at,
               bool_and(a.resolved_at IS NOT NULL) AS all_resolved, bool_and(a.inferred) AS only_inferred
        FROM incident_attribution(infer_links, inference_hours, deployed_from, deployed_to + to_hours(CAST(inference_hours AS BIGINT))) a
        SEMI JOIN causes c USING (deployment_id)
        GROUP BY a.deployment_id
    ),
    by_remediation AS (
        SELECT deployment_id, min(remediated_at) AS remediated_at, bool_or(is_rollback) AS rolled_back
        FROM remediations
        GROUP BY deployment_id
    ),
    failures AS (
        SELECT c.deployment_id, c.service_id, c.team_id, c.deployed_at,
               coalesce(bi.opened_at, c.deployed_at) AS failure_started_at,
               CASE WHEN bi.all_resolved THEN bi.resolved_at END AS resolved_at,
               br.remediated_at,
               bi.deployment_id IS NOT NULL AS has_incident,
               coalesce(bi.only_inferred, false) AS inferred,
               coalesce(br.rolled_back, false) AS rolled_back,
               br.deployment_id IS NOT NULL AND NOT coalesce(br.rolled_back, false) AS hotfixed
        FROM causes c
        LEFT JOIN by_incident bi USING (deployment_id)
        LEFT JOIN by_remediation br USING (deployment_id)
        WHERE bi.deployment_id IS NOT NULL OR br.deployment_id IS NOT NULL
    )
    SELECT deployment_id, service_id, team_id, deployed_at, failure_started_at,
           least(resolved_at, CASE WHEN remediated_at >= failure_started_at THEN remediated_at END) AS recovered_at,
           has_incident, inferred, rolled_back, hotfixed
    FROM failures;
