-- The rework releases behind a team's deployment rework rate over [$from, $to): production releases (a retried
-- pipeline once) that went out in the period in $tz and were flagged as a rollback or hotfix or shipped a change
-- labelled hotfix, revert, rollback or fix-forward — the same rules as queries/metrics/rework_rate.sql. With which of
-- those made each one rework. Newest first, one page. Parameters: $from, $to, $tz, $team, $service (NULL = all the team's services), $limit, $offset.
WITH labelled AS (
    SELECT DISTINCT d.release_id AS deployment_id
    FROM changes c
    JOIN deployments d ON d.deployment_id = c.deployment_id
    WHERE in_period(c.deployed_at, $from, $to, $tz)
      AND list_has_any(c.labels, ['hotfix', 'revert', 'rollback', 'fix-forward'])
)
SELECT d.deployment_id AS DeploymentId, d.service_id AS ServiceId, d.sha AS Sha, d.deployed_at AS DeployedAt,
       d.is_rollback AS IsRollback, d.is_hotfix AS IsHotfix, l.deployment_id IS NOT NULL AS ShipsFixChange,
       raw.source AS Source, s.repository AS Repository
FROM production_deployments() d
LEFT JOIN labelled l USING (deployment_id)
JOIN services s ON s.service_id = d.service_id
JOIN deployments raw ON raw.deployment_id = d.deployment_id
WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND d.team_id = $team AND (CAST($service AS VARCHAR) IS NULL OR d.service_id = $service)
  AND (d.is_rollback OR d.is_hotfix OR l.deployment_id IS NOT NULL)
ORDER BY d.deployed_at DESC, d.deployment_id
LIMIT $limit OFFSET $offset;
