-- Participatory adoption: of the engineers outside the platform team employed during the period, the share
-- who merged at least one change to a platform-owned repository in it.
-- Parameters: $from, $to, $grain, $tz.
WITH bounds AS (
    -- range_end: the day after the period, or the end of the range when the period runs past it.
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
outside AS (
    SELECT b.period_start, e.engineer_id
    FROM bounds b
    JOIN engineers e ON e.start_date < b.period_end AND (e.end_date IS NULL OR e.end_date > b.period_start)
    JOIN teams t ON t.team_id = e.team_id AND NOT t.is_platform_team
),
contributors AS (
    SELECT DISTINCT p.period_start, c.author_id AS engineer_id
    FROM changes c
    JOIN services s ON s.service_id = c.service_id AND s.is_platform_owned
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.merged_at >= p.starts_at
    WHERE c.parent_change_id IS NULL AND c.merged_at IS NOT NULL AND in_period(c.merged_at, $from, $to, $tz)
)
SELECT o.period_start AS PeriodStart,
       count(*) AS Engineers,
       count(c.engineer_id) AS Contributors,
       count(c.engineer_id) / count(*) AS Share
FROM outside o
LEFT JOIN contributors c USING (period_start, engineer_id)
GROUP BY ALL
ORDER BY PeriodStart;
