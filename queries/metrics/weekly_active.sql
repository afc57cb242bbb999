-- Engagement: per week (Monday start, in the given zone), the teams and engineers that deployed to production
-- through the platform at least once.
-- Parameters: $from, $to, $tz, $team.
SELECT p.period_start AS WeekStart,
       count(DISTINCT d.team_id) AS ActiveTeams,
       count(DISTINCT d.deployed_by) AS ActiveEngineers,
       count(*) AS Deployments
FROM production_deployments() d
ASOF JOIN period_bounds($from, $to, 'week', $tz) p ON d.deployed_at >= p.starts_at
WHERE d.via_platform
  -- The bound on the raw started_at lets DuckDB skip row groups of other periods (deployments finish within 7 days).
  AND d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
  AND in_period(d.deployed_at, $from, $to, $tz)
  AND ($team IS NULL OR d.team_id = $team)
GROUP BY ALL
ORDER BY WeekStart;
