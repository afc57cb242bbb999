-- Change lead time: for each change shipped by a production release in the period, the time from its first commit
-- to that release going out. A pull request counts once (its commits are not separate changes); a commit pushed
-- without a pull request counts on its own. Hours; median, p75, p90. Changes merged in the period that no release
-- shipped (none of their commit, and none of their service within the link window after the merge) are counted as
-- not deployed, in the period of their merge.
-- Parameters: $from, $to, $grain, $tz, $team.
-- changes.deployed_at is when the linked release went out (see queries/linking).
WITH shipped AS (
    SELECT p.period_start, s.team_id, c.service_id,
           (epoch(c.deployed_at) - epoch(c.first_commit_at)) / 3600.0 AS hours,
           false AS not_deployed
    FROM changes c
    JOIN services s USING (service_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.deployed_at >= p.starts_at
    WHERE c.parent_change_id IS NULL
      AND c.first_commit_at IS NOT NULL
      AND c.deployed_at >= c.first_commit_at
      AND in_period(c.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
),
waiting AS (
    SELECT p.period_start, s.team_id, c.service_id, CAST(NULL AS DOUBLE) AS hours, true AS not_deployed
    FROM changes c
    JOIN services s USING (service_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.merged_at >= p.starts_at
    WHERE c.parent_change_id IS NULL
      AND c.deployed_at IS NULL
      AND in_period(c.merged_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
),
changes_in_period AS (
    SELECT * FROM shipped
    UNION ALL
    SELECT * FROM waiting
)
SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS Level,
       team_id AS TeamId,
       service_id AS ServiceId,
       period_start AS PeriodStart,
       count(*) FILTER (NOT not_deployed) AS Changes,
       quantile_cont(hours, 0.5) AS MedianHours,
       quantile_cont(hours, 0.75) AS P75Hours,
       quantile_cont(hours, 0.9) AS P90Hours,
       count(*) FILTER (not_deployed) AS NotDeployed
FROM changes_in_period
GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
