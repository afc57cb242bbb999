-- Engagement: per week (Monday start, in the given zone), the teams and engineers that deployed to production
-- through the platform at least once.
-- Parameters: $from, $to, $tz, $team.
SELECT period_of(deployed_at, 'week', $tz) AS WeekStart,
       count(DISTINCT team_id) AS ActiveTeams,
       count(DISTINCT deployed_by) AS ActiveEngineers,
       count(*) AS Deployments
FROM production_deployments()
WHERE via_platform
  AND in_period(deployed_at, $from, $to, $tz)
  AND ($team IS NULL OR team_id = $team)
GROUP BY ALL
ORDER BY WeekStart;
