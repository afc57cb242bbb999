-- How many changes queries/dashboards/changes_counted.sql lists in all, and the median of their lead times in hours.
-- Parameters: $from, $to, $tz, $team.
SELECT count(*) AS Total, quantile_cont((epoch(c.deployed_at) - epoch(c.first_commit_at)) / 3600.0, 0.5) AS MedianHours
FROM changes c
JOIN services s USING (service_id)
WHERE c.parent_change_id IS NULL
  AND c.first_commit_at IS NOT NULL
  AND c.deployed_at >= c.first_commit_at
  AND in_period(c.deployed_at, $from, $to, $tz)
  AND s.team_id = $team;
