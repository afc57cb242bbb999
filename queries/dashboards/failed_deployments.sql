-- The failed releases behind a team's change failure rate over [$from, $to): production releases (a retried
-- pipeline once, rollbacks apart) that went out in the period in $tz and failed by deployment_failures — the same
-- call and rules as queries/metrics/change_failure_rate.sql. With how each failure was found: an incident
-- (explicit, or only by inferred links), a rollback or a hotfix. Newest first, one page.
-- Parameters: $from, $to, $tz, $team, $remediation_hours, $infer_links, $inference_hours, $limit, $offset.
WITH failures AS (
    FROM deployment_failures($remediation_hours, $infer_links, $inference_hours, day_start($from, $tz), day_start($to, $tz),
                             day_start($to, $tz), day_start($to, $tz))
)
SELECT d.deployment_id AS DeploymentId, d.service_id AS ServiceId, d.sha AS Sha, d.deployed_at AS DeployedAt,
       f.has_incident AS HasIncident, f.inferred AS Inferred, f.rolled_back AS RolledBack, f.hotfixed AS Hotfixed,
       f.failure_started_at AS FailureStartedAt, f.recovered_at AS RecoveredAt,
       (epoch(f.recovered_at) - epoch(f.failure_started_at)) / 3600.0 AS RecoveryHours,
       raw.source AS Source, s.repository AS Repository
FROM production_deployments() d
JOIN failures f USING (deployment_id)
JOIN services s ON s.service_id = d.service_id
JOIN deployments raw USING (deployment_id)
WHERE NOT d.is_rollback
  AND d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND d.team_id = $team
ORDER BY d.deployed_at DESC, d.deployment_id
LIMIT $limit OFFSET $offset;
