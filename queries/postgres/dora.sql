-- The DORA metric set of one period in PostgreSQL: the same rules as queries/metrics (deployment frequency,
-- lead time, change failure rate, recovery time and rework rate, per organisation, team and service), written
-- as a PostgreSQL expert would: LATERAL index lookups where DuckDB uses ASOF joins, percentile_cont for the
-- quantiles. Parameters: @from, @to (dates), @tz, @remediation_hours, @inference_hours.
WITH bounds AS (
    SELECT (@from::timestamp AT TIME ZONE @tz) AS lo, (@to::timestamp AT TIME ZONE @tz) AS hi
),
prod AS (
    SELECT d.deployment_id, d.service_id, s.team_id, d.sha, d.started_at, coalesce(d.finished_at, d.started_at) AS deployed_at,
           d.is_rollback, d.is_hotfix
    FROM deployments d JOIN services s USING (service_id), bounds b
    WHERE d.environment = 'production' AND d.status = 'success'
      AND coalesce(d.finished_at, d.started_at) >= b.lo - make_interval(hours => @inference_hours)
      AND coalesce(d.finished_at, d.started_at) < b.hi + make_interval(hours => @remediation_hours)
),
in_period AS (SELECT p.* FROM prod p, bounds b WHERE p.deployed_at >= b.lo AND p.deployed_at < b.hi),
frequency AS (
    SELECT team_id, service_id, count(DISTINCT coalesce(sha, deployment_id)) AS deployments
    FROM in_period GROUP BY GROUPING SETS ((), (team_id), (team_id, service_id))
),
lead AS (
    SELECT s.team_id, c.service_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.deployed_at - c.first_commit_at) / 3600) AS p50,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.deployed_at - c.first_commit_at) / 3600) AS p90
    FROM changes c JOIN services s USING (service_id), bounds b
    WHERE c.parent_change_id IS NULL AND c.first_commit_at IS NOT NULL AND c.deployed_at >= c.first_commit_at
      AND c.deployed_at >= b.lo AND c.deployed_at < b.hi
    GROUP BY GROUPING SETS ((), (s.team_id), (s.team_id, c.service_id))
),
attribution AS (
    SELECT c.deployment_id, i.opened_at, i.resolved_at
    FROM incidents i JOIN prod c ON c.deployment_id = i.caused_by_deployment_id AND NOT c.is_rollback, bounds b
    WHERE i.opened_at >= b.lo AND i.opened_at < b.hi + make_interval(hours => @inference_hours)
    UNION ALL
    SELECT c.deployment_id, i.opened_at, i.resolved_at
    FROM incidents i, bounds b,
    LATERAL (
        SELECT d.deployment_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        WHERE d.service_id = i.service_id AND d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND coalesce(d.finished_at, d.started_at) <= i.opened_at
        ORDER BY coalesce(d.finished_at, d.started_at) DESC LIMIT 1
    ) c
    WHERE i.opened_at >= b.lo AND i.opened_at < b.hi + make_interval(hours => @inference_hours)
      AND i.caused_by_deployment_id IS NULL AND i.service_id IS NOT NULL AND i.severity IN ('sev1', 'sev2', 'sev3')
      AND i.opened_at - c.deployed_at <= make_interval(hours => @inference_hours)
),
remediation AS (
    SELECT c.deployment_id, r.deployed_at AS remediated_at
    FROM prod r,
    LATERAL (
        SELECT d.deployment_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        WHERE d.service_id = r.service_id AND d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND coalesce(d.finished_at, d.started_at) < r.started_at
        ORDER BY coalesce(d.finished_at, d.started_at) DESC LIMIT 1
    ) c
    WHERE (r.is_rollback OR r.is_hotfix) AND r.started_at - c.deployed_at <= make_interval(hours => @remediation_hours)
),
failures AS (
    SELECT p.deployment_id, p.team_id, p.service_id, p.deployed_at,
           coalesce(min(a.opened_at), p.deployed_at) AS started,
           least(CASE WHEN bool_and(a.resolved_at IS NOT NULL) THEN max(a.resolved_at) END, min(r.remediated_at)) AS recovered
    FROM prod p
    LEFT JOIN attribution a USING (deployment_id)
    LEFT JOIN remediation r USING (deployment_id)
    WHERE NOT p.is_rollback AND (a.deployment_id IS NOT NULL OR r.deployment_id IS NOT NULL)
    GROUP BY p.deployment_id, p.team_id, p.service_id, p.deployed_at
),
cfr AS (
    SELECT p.team_id, p.service_id, count(*) AS deployments, count(f.deployment_id) AS failed
    FROM in_period p LEFT JOIN failures f USING (deployment_id)
    WHERE NOT p.is_rollback
    GROUP BY GROUPING SETS ((), (p.team_id), (p.team_id, p.service_id))
),
recovery AS (
    SELECT f.team_id, f.service_id,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.recovered - f.started) / 3600) AS p50
    FROM failures f, bounds b
    WHERE f.started >= b.lo AND f.started < b.hi
    GROUP BY GROUPING SETS ((), (f.team_id), (f.team_id, f.service_id))
),
rework AS (
    SELECT p.team_id, p.service_id, count(*) AS deployments,
           count(*) FILTER (WHERE p.is_rollback OR p.is_hotfix OR EXISTS (
               SELECT 1 FROM changes c WHERE c.deployment_id = p.deployment_id AND c.labels && ARRAY['hotfix', 'revert', 'rollback', 'fix-forward'])) AS rework
    FROM in_period p
    GROUP BY GROUPING SETS ((), (p.team_id), (p.team_id, p.service_id))
)
SELECT 'frequency' AS metric, count(*) AS rows_out FROM frequency
UNION ALL SELECT 'lead', count(*) FROM lead
UNION ALL SELECT 'cfr', count(*) FROM cfr
UNION ALL SELECT 'recovery', count(*) FROM recovery
UNION ALL SELECT 'rework', count(*) FROM rework;
