-- How many production releases of a team went out in [$from, $to) in $tz, rollbacks apart: what its change failure
-- rate divides by, as queries/metrics/change_failure_rate.sql counts them. Parameters: $from, $to, $tz, $team, $service (NULL = all the team's services).
SELECT count(*)
FROM production_deployments() d
WHERE NOT d.is_rollback
  AND d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND d.team_id = $team AND (CAST($service AS VARCHAR) IS NULL OR d.service_id = $service);
