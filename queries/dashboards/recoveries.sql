-- The failures behind a team's median recovery time over [$from, $to): failed releases whose failure started in the
-- period in $tz, whenever the release went out — the same deployment_failures call and rules as
-- queries/metrics/recovery_time.sql. Hours from the failure starting to recovery; NULL while not recovered.
-- Latest failure first, one page.
-- Parameters: $from, $to, $tz, $team, $remediation_hours, $infer_links, $inference_hours, $limit, $offset.
SELECT f.deployment_id AS DeploymentId, f.service_id AS ServiceId, d.sha AS Sha, f.deployed_at AS DeployedAt,
       f.has_incident AS HasIncident, f.inferred AS Inferred, f.rolled_back AS RolledBack, f.hotfixed AS Hotfixed,
       f.failure_started_at AS FailureStartedAt, f.recovered_at AS RecoveredAt,
       (epoch(f.recovered_at) - epoch(f.failure_started_at)) / 3600.0 AS RecoveryHours,
       d.source AS Source, s.repository AS Repository
FROM deployment_failures($remediation_hours, $infer_links, $inference_hours,
                         day_start($from, $tz) - to_hours(CAST($inference_hours AS BIGINT)), day_start($to, $tz),
                         day_start($from, $tz), day_start($to, $tz)) f
JOIN deployments d USING (deployment_id)
JOIN services s ON s.service_id = f.service_id
WHERE in_period(f.failure_started_at, $from, $to, $tz)
  AND f.team_id = $team
ORDER BY f.failure_started_at DESC, f.deployment_id
LIMIT $limit OFFSET $offset;
