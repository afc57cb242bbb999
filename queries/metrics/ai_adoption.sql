-- Coding-assistant adoption per period, for the organisation and each team: licensed seats (assigned before the
-- period ended and not cancelled before it began), active seats (licensed, with a day of activity in the period), and
-- active ÷ licensed. A seat belongs to the team of the engineer whose SCM login holds it (compared case-insensitively);
-- seats of no known engineer count for the organisation only. Any assistant's seats count. A team row counts people,
-- so a team with fewer than $k licensed seats is suppressed (its figures NULL) with its smallest siblings (see
-- is_suppressed), as survey groups are: else the organisation's seats minus the shown teams' would give it away.
-- Suppression is decided over every team before narrowing to $team, whose run has only its own team row.
-- Parameters: $from, $to, $grain, $tz, $team, $k.
WITH bounds AS (
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
seats AS (
    SELECT s.assistant, s.login, s.assigned_at, s.cancelled_on, e.team_id
    FROM ai_seats s
    LEFT JOIN (SELECT lower(scm_login) AS login, any_value(team_id) AS team_id FROM engineers WHERE scm_login IS NOT NULL GROUP BY ALL) e
        ON e.login = lower(s.login)
),
held AS (
    SELECT b.period_start, s.team_id, s.assistant, s.login,
           EXISTS (SELECT 1 FROM ai_seat_activity a
                   WHERE a.assistant = s.assistant AND a.login = s.login AND a.day >= b.period_start AND a.day < b.period_end) AS active
    FROM bounds b
    JOIN seats s ON s.assigned_at < day_start(b.period_end, $tz) AND (s.cancelled_on IS NULL OR s.cancelled_on > b.period_start)
),
grouped AS (
    SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id, period_start,
           count(*) AS licensed, count(*) FILTER (active) AS active_seats
    FROM held
    GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
),
ranked AS (
    SELECT *,
           bool_or(licensed < $k) OVER siblings AS any_small,
           sum(licensed) OVER (siblings ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS licensed_before,
           row_number() OVER siblings AS size_rank
    FROM grouped
    WHERE NOT (level = 'team' AND team_id IS NULL)
    WINDOW siblings AS (PARTITION BY period_start, level ORDER BY licensed, team_id)
),
decided AS (
    SELECT *, level = 'team' AND is_suppressed(licensed, $k, any_small, licensed_before, size_rank) OR (level = 'organisation' AND licensed < $k) AS suppressed
    FROM ranked
)
SELECT level AS Level, team_id AS TeamId, period_start AS PeriodStart,
       suppressed AS Suppressed,
       CASE WHEN NOT suppressed THEN licensed END AS LicensedSeats,
       CASE WHEN NOT suppressed THEN active_seats END AS ActiveSeats,
       CASE WHEN NOT suppressed THEN active_seats / licensed END AS ActiveShare
FROM decided
WHERE $team IS NULL OR (level = 'team' AND team_id = $team)
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
