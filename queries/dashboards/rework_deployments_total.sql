-- The two counts of a team's deployment rework rate, as queries/metrics/rework_rate.sql counts them: releases that
-- went out in [$from, $to) and, of those, the rework (the rows of queries/dashboards/rework_deployments.sql).
-- Parameters: $from, $to, $tz, $team, $service (NULL = all the team's services).
WITH labelled AS (
    SELECT DISTINCT d.release_id AS deployment_id
    FROM changes c
    JOIN deployments d ON d.deployment_id = c.deployment_id
    WHERE in_period(c.deployed_at, $from, $to, $tz)
      AND list_has_any(c.labels, ['hotfix', 'revert', 'rollback', 'fix-forward'])
)
SELECT count(*) AS Releases, count(*) FILTER (d.is_rollback OR d.is_hotfix OR l.deployment_id IS NOT NULL) AS Total
FROM production_deployments() d
LEFT JOIN labelled l USING (deployment_id)
WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND d.team_id = $team AND (CAST($service AS VARCHAR) IS NULL OR d.service_id = $service);
