-- DX Core 4 effectiveness, onboarding: for engineers who started in the period (the cohort, by start date), the
-- days from their start date to the local date of their 10th merged pull or merge request (parent_change_id IS
-- NULL, merged on or after the local start of their first day), median and p75 over those who have reached it, per
-- cohort for the organisation and each team. The figures concern individuals, so a group with fewer than $k
-- engineers who reached the 10th is suppressed (days NULL, Suppressed true); starters and reached are counts.
-- Parameters: $from, $to, $grain, $tz, $team, $k.
WITH starters AS (
    SELECT engineer_id, team_id, start_date, period_of(start_date, $grain, $from) AS cohort
    FROM engineers
    WHERE start_date >= CAST($from AS DATE) AND start_date < CAST($to AS DATE)
      AND ($team IS NULL OR team_id = $team)
),
numbered AS (
    SELECT c.author_id AS engineer_id, c.merged_at,
           row_number() OVER (PARTITION BY c.author_id ORDER BY c.merged_at, c.change_id) AS n
    FROM changes c
    JOIN starters s ON s.engineer_id = c.author_id
    WHERE c.kind IN ('pull_request', 'merge_request') AND c.parent_change_id IS NULL
      AND c.merged_at >= day_start(s.start_date, $tz)
),
tenths AS (
    SELECT s.team_id, s.cohort, datediff('day', s.start_date, CAST(timezone($tz, n.merged_at) AS DATE)) AS days
    FROM starters s
    LEFT JOIN numbered n ON n.engineer_id = s.engineer_id AND n.n = 10
),
groups AS (
    SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id, cohort,
           count(*) AS starters, count(days) AS reached,
           quantile_cont(days, 0.5) AS median_days, quantile_cont(days, 0.75) AS p75_days
    FROM tenths
    GROUP BY GROUPING SETS ((cohort), (cohort, team_id))
)
SELECT level AS Level, team_id AS TeamId, cohort AS CohortStart, starters AS Starters, reached AS Reached,
       reached < $k AS Suppressed,
       CASE WHEN reached >= $k THEN median_days END AS MedianDays,
       CASE WHEN reached >= $k THEN p75_days END AS P75Days
FROM groups
ORDER BY CohortStart, Level, TeamId NULLS FIRST;
