-- The two counts of a team's change failure rate, as queries/metrics/change_failure_rate.sql counts them: releases
-- that went out in [$from, $to) (rollbacks apart) and, of those, the ones that failed (the rows of
-- queries/dashboards/failed_deployments.sql). Parameters: $from, $to, $tz, $team, $remediation_hours, $infer_links, $inference_hours.
WITH failures AS (
    FROM deployment_failures($remediation_hours, $infer_links, $inference_hours, day_start($from, $tz), day_start($to, $tz),
                             day_start($to, $tz), day_start($to, $tz))
)
SELECT count(*) AS Releases, count(f.deployment_id) AS Total
FROM production_deployments() d
LEFT JOIN failures f USING (deployment_id)
WHERE NOT d.is_rollback
  AND d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND d.team_id = $team;
