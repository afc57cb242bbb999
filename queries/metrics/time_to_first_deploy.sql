-- Time to first deploy: for engineers who started in the period, the days from their start date to their first
-- successful production deployment — one they triggered, or one that shipped a change they wrote — by cohort
-- (the period they started in). Median and p75 over those who have deployed; the share within 30 days counts
-- only engineers who started at least 30 days before $as_of, and counts those who have not deployed as not.
-- Parameters: $from, $to, $grain, $team, $as_of (the day the data runs to).
WITH starters AS (
    SELECT engineer_id, team_id, start_date, CAST(date_trunc($grain, start_date) AS DATE) AS cohort
    FROM engineers
    WHERE start_date >= CAST($from AS DATE) AND start_date < CAST($to AS DATE)
      AND ($team IS NULL OR team_id = $team)
),
deploys AS (
    SELECT deployed_by AS engineer_id, deployed_at FROM production_deployments() SEMI JOIN starters s ON s.engineer_id = deployed_by
    UNION ALL
    SELECT c.author_id, c.deployed_at
    FROM changes c
    SEMI JOIN starters s ON s.engineer_id = c.author_id
    WHERE c.deployed_at IS NOT NULL AND c.parent_change_id IS NULL
),
firsts AS (
    SELECT s.engineer_id, s.team_id, s.cohort, s.start_date,
           datediff('day', s.start_date, CAST(min(d.deployed_at) FILTER (CAST(d.deployed_at AS DATE) >= s.start_date) AS DATE)) AS days
    FROM starters s
    LEFT JOIN deploys d USING (engineer_id)
    GROUP BY s.engineer_id, s.team_id, s.cohort, s.start_date
)
SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS Level,
       team_id AS TeamId,
       cohort AS CohortStart,
       count(*) AS Starters,
       count(days) AS Deployed,
       quantile_cont(days, 0.5) AS MedianDays,
       quantile_cont(days, 0.75) AS P75Days,
       count(*) FILTER (days <= 30 AND start_date <= CAST($as_of AS DATE) - INTERVAL 30 DAY)
           / nullif(count(*) FILTER (start_date <= CAST($as_of AS DATE) - INTERVAL 30 DAY), 0) AS ShareWithin30Days
FROM firsts
GROUP BY GROUPING SETS ((cohort), (cohort, team_id))
ORDER BY CohortStart, Level, TeamId NULLS FIRST;
