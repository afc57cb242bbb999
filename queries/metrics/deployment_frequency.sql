-- Deployment frequency: successful production deployments per period for the organisation, each team and each
-- service, with every team and service present in every period it existed in (zero when nothing shipped), and
-- the organisation present in every period. Deployments are releases: the attempts of a retried pipeline (the same
-- commit to the same service) count once, in the period of the first successful attempt (see queries/linking/releases).
-- Parameters: $from, $to (dates, to exclusive), $grain ('week', 'month', 'quarter'), $tz, $team (NULL = all).
WITH periods AS (
    SELECT period_start, period_end, days_in_range AS days FROM period_bounds($from, $to, $grain, $tz)
),
spine AS (
    -- A service counts in the periods it existed in, so a team that existed for one quarter shows only there.
    SELECT p.period_start, s.team_id, s.service_id
    FROM periods p
    JOIN services s
      ON (s.created_on IS NULL OR s.created_on < p.period_end)
     AND (s.retired_on IS NULL OR s.retired_on > p.period_start)
    WHERE ($team IS NULL OR s.team_id = $team)
),
shipped AS (
    SELECT p.period_start, d.service_id, d.deployment_id AS shipped
    FROM production_deployments() d
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON d.deployed_at >= p.starts_at
    -- The bound on the raw started_at lets DuckDB skip row groups of other periods (deployments finish within 7 days).
    WHERE d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
      AND in_period(d.deployed_at, $from, $to, $tz) AND ($team IS NULL OR d.team_id = $team)
),
per_service AS (
    SELECT s.period_start, s.team_id, s.service_id, count(d.shipped) AS deployments
    FROM spine s
    LEFT JOIN shipped d USING (period_start, service_id)
    GROUP BY ALL
),
grouped AS (
    SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS level,
           team_id, service_id, period_start, CAST(sum(deployments) AS BIGINT) AS deployments
    FROM per_service
    GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
),
complete AS (
    SELECT * FROM grouped
    UNION ALL
    -- The organisation row of a period in which no service existed yet.
    SELECT 'organisation', NULL, NULL, p.period_start, 0
    FROM periods p
    WHERE NOT EXISTS (SELECT 1 FROM grouped g WHERE g.level = 'organisation' AND g.period_start = p.period_start)
)
SELECT c.level AS Level, c.team_id AS TeamId, c.service_id AS ServiceId, c.period_start AS PeriodStart,
       c.deployments AS Deployments, p.days AS Days
FROM complete c
JOIN periods p USING (period_start)
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
