-- Platform support load per period: support requests handled by the platform team, per 100 engineers employed
-- in the period and per month, with the median hours to first response and to resolution.
-- Parameters: $from, $to, $grain, $tz.
WITH bounds AS (
    -- range_end: the day after the period, or the end of the range when the period runs past it.
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
head_count AS (
    SELECT b.period_start, b.period_end, count(e.engineer_id) AS engineers
    FROM bounds b
    LEFT JOIN engineers e ON e.start_date < b.period_end AND (e.end_date IS NULL OR e.end_date > b.period_start)
    GROUP BY ALL
),
requests AS (
    SELECT p.period_start,
           (epoch(w.first_response_at) - epoch(w.created_at)) / 3600.0 AS response_hours,
           (epoch(w.resolved_at) - epoch(w.created_at)) / 3600.0 AS resolution_hours
    FROM work_items w
    JOIN teams t ON t.team_id = w.team_id AND t.is_platform_team
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON w.created_at >= p.starts_at
    WHERE w.kind = 'support_request' AND in_period(w.created_at, $from, $to, $tz)
)
SELECT h.period_start AS PeriodStart,
       count(r.period_start) AS Requests,
       h.engineers AS Engineers,
       100.0 * count(r.period_start) / nullif(h.engineers, 0)
           / (datediff('day', h.period_start, h.period_end) / (365.25 / 12)) AS PerHundredEngineersPerMonth,
       quantile_cont(r.response_hours, 0.5) AS MedianFirstResponseHours,
       quantile_cont(r.resolution_hours, 0.5) AS MedianResolutionHours
FROM head_count h
LEFT JOIN requests r USING (period_start)
GROUP BY h.period_start, h.period_end, h.engineers
ORDER BY PeriodStart;
