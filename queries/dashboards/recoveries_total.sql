-- How many failures queries/dashboards/recoveries.sql lists in all, how many of them recovered, and the median
-- recovery time in hours.
-- Parameters: $from, $to, $tz, $team, $remediation_hours, $infer_links, $inference_hours.
SELECT count(*) AS Total, count(f.recovered_at) AS Recovered,
       quantile_cont((epoch(f.recovered_at) - epoch(f.failure_started_at)) / 3600.0, 0.5) AS MedianHours
FROM deployment_failures($remediation_hours, $infer_links, $inference_hours,
                         day_start($from, $tz) - to_hours(CAST($inference_hours AS BIGINT)), day_start($to, $tz),
                         day_start($from, $tz), day_start($to, $tz)) f
WHERE in_period(f.failure_started_at, $from, $to, $tz)
  AND f.team_id = $team;
