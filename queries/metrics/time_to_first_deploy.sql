-- Time to first deploy: for engineers who started in the period, the days from their start date to their first
-- successful production deployment — one they triggered, or one that shipped a change they wrote — by cohort
-- (the period they started in). Days are counted between local dates of $tz, as a new engineer lives them.
-- Median and p75 over those who have deployed. The share within 30 days is judged as of the end of the data
-- (data_ends_at), not the end of the period: a starter counts as soon as the outcome is known — deployed by day
-- 30, or not deployed and the data runs past day 30 — and is left out while it is not.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH starters AS (
    -- start_date is already a calendar day, so the cohort is its period with no zone conversion.
    SELECT engineer_id, team_id, start_date, period_of(start_date, $grain, $from) AS cohort
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
    -- Deployments before the local start of the first day are someone's earlier life, not onboarding.
    SELECT s.engineer_id, s.team_id, s.cohort, s.start_date,
           datediff('day', s.start_date, CAST(timezone($tz, min(d.deployed_at) FILTER (d.deployed_at >= day_start(s.start_date, $tz))) AS DATE)) AS days
    FROM starters s
    LEFT JOIN deploys d USING (engineer_id)
    GROUP BY s.engineer_id, s.team_id, s.cohort, s.start_date
),
outcomes AS (
    -- Day 30 is in the data once the data runs to a later local day; until then a starter yet to deploy may
    -- still make it in time, so is neither a success nor a failure.
    SELECT f.*, f.days <= 30 AS within_30_days,
           f.days <= 30 OR datediff('day', f.start_date, CAST(timezone($tz, data_ends_at()) AS DATE)) > 30 AS decided
    FROM firsts f
)
SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS Level,
       team_id AS TeamId,
       cohort AS CohortStart,
       count(*) AS Starters,
       count(days) AS Deployed,
       quantile_cont(days, 0.5) AS MedianDays,
       quantile_cont(days, 0.75) AS P75Days,
       count(*) FILTER (within_30_days) / nullif(count(*) FILTER (decided), 0) AS ShareWithin30Days
FROM outcomes
GROUP BY GROUPING SETS ((cohort), (cohort, team_id))
ORDER BY CohortStart, Level, TeamId NULLS FIRST;
