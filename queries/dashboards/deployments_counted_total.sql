-- How many deployments queries/dashboards/deployments_counted.sql lists in all. Parameters: $from, $to, $tz, $team, $service (NULL = all the team's services).
SELECT count(*)
FROM production_deployments() d
JOIN services s USING (service_id)
WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz) AND d.team_id = $team AND (CAST($service AS VARCHAR) IS NULL OR d.service_id = $service)
  AND (s.created_on IS NULL OR s.created_on < CAST($to AS DATE)) AND (s.retired_on IS NULL OR s.retired_on > CAST($from AS DATE));
