-- Deployment frequency: successful production deployments per period for the organisation, each team and each
-- service, with every team and service present in every period (zero when nothing shipped). A deployment
-- repeated for the same service and commit in one period (a retried pipeline) counts once.
-- Parameters: $from, $to (dates, to exclusive), $grain ('week', 'month', 'quarter'), $tz, $team (NULL = all).
WITH periods AS (
    SELECT DISTINCT CAST(date_trunc($grain, d) AS DATE) AS period_start
    FROM range(CAST($from AS TIMESTAMP), CAST($to AS TIMESTAMP), INTERVAL 1 DAY) r(d)
),
spine AS (
    -- A service counts in the periods it existed in, so a team that existed for one quarter shows only there.
    SELECT p.period_start, s.team_id, s.service_id
    FROM periods p
    JOIN services s
      ON (s.created_on IS NULL OR s.created_on < p.period_start + CASE $grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END)
     AND (s.retired_on IS NULL OR s.retired_on > p.period_start)
    WHERE ($team IS NULL OR s.team_id = $team)
),
shipped AS (
    SELECT DISTINCT p.period_start, d.service_id, coalesce(d.sha, d.deployment_id) AS shipped
    FROM production_deployments() d
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON d.deployed_at >= p.starts_at
    WHERE in_period(deployed_at, $from, $to, $tz) AND ($team IS NULL OR team_id = $team)
),
per_service AS (
    SELECT s.period_start, s.team_id, s.service_id, count(d.shipped) AS deployments
    FROM spine s
    LEFT JOIN shipped d USING (period_start, service_id)
    GROUP BY ALL
)
SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS Level,
       team_id AS TeamId,
       service_id AS ServiceId,
       period_start AS PeriodStart,
       CAST(sum(deployments) AS BIGINT) AS Deployments,
       -- Days in the period that fall inside [from, to), so a partial first or last period is not diluted.
       CAST(datediff('day', greatest(period_start, CAST($from AS DATE)),
            least(CAST(period_start + CASE $grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE), CAST($to AS DATE))) AS BIGINT) AS Days
FROM per_service
GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
