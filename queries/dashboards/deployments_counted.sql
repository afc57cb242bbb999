-- The production deployments a team's deployment frequency counts over [$from, $to): releases (a retried
-- pipeline's attempts once), on the day they shipped in $tz, of services that existed in the range — the same
-- rules as queries/metrics/deployment_frequency.sql at quarter grain. Newest first, one page.
-- Parameters: $from, $to, $tz, $team, $service (NULL = all the team's services), $limit, $offset.
SELECT d.deployment_id AS DeploymentId, d.service_id AS ServiceId, d.sha AS Sha, d.deployed_at AS DeployedAt,
       d.is_hotfix AS IsHotfix, d.via_platform AS ViaPlatform, d.deployed_by AS DeployedBy, raw.source AS Source,
       s.repository AS Repository
FROM production_deployments() d
JOIN services s USING (service_id)
JOIN deployments raw USING (deployment_id)
WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz) AND d.team_id = $team AND (CAST($service AS VARCHAR) IS NULL OR d.service_id = $service)
  AND (s.created_on IS NULL OR s.created_on < CAST($to AS DATE)) AND (s.retired_on IS NULL OR s.retired_on > CAST($from AS DATE))
ORDER BY d.deployed_at DESC, d.deployment_id
LIMIT $limit OFFSET $offset;
