-- Deployment rework rate: the share of production releases (a retried pipeline counts once) that were unplanned, done to fix a
-- user-facing defect: flagged as a rollback or hotfix, or shipping a change labelled hotfix, revert, rollback or
-- fix-forward.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH labelled AS (
    -- The release a labelled change went out with (a source may name any attempt of a retried pipeline).
    SELECT DISTINCT d.release_id AS deployment_id
    FROM changes c
    JOIN deployments d ON d.deployment_id = c.deployment_id
    WHERE in_period(c.deployed_at, $from, $to, $tz)
      AND list_has_any(c.labels, ['hotfix', 'revert', 'rollback', 'fix-forward'])
),
deployed AS (
    SELECT p.period_start, d.team_id, d.service_id,
           d.is_rollback OR d.is_hotfix OR l.deployment_id IS NOT NULL AS rework
    FROM production_deployments() d
    LEFT JOIN labelled l USING (deployment_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON d.deployed_at >= p.starts_at
    -- The bound on the raw started_at lets DuckDB skip row groups of other periods (deployments finish within 7 days).
    WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
      AND in_period(d.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR d.team_id = $team)
)
SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS Level,
       team_id AS TeamId,
       service_id AS ServiceId,
       period_start AS PeriodStart,
       count(*) AS Deployments,
       count(*) FILTER (rework) AS ReworkDeployments,
       count(*) FILTER (rework) / count(*) AS Rate
FROM deployed
GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
