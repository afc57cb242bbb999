-- DX Core 4 speed: merged pull and merge requests per engineer per week, per period, for the organisation and every
-- team of the catalog. Engineers come from the HR data (table engineers): each counts for the days of the period
-- they were employed (start_date to end_date, both included), in their current team, whether or not they merged
-- anything. A pull request counts once (parent_change_id IS NULL), in the period of its merge, for its author's
-- team; one whose author the HR data does not list is counted apart (UnattributedPullRequests, organisation row
-- only), never divided by engineers it does not belong to. A team with no engineer-days has no rate.
-- Parameters: $from, $to, $grain, $tz, $team.
WITH bounds AS (
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
employed AS (
    SELECT b.period_start, e.team_id, e.engineer_id,
           datediff('day', greatest(b.period_start, e.start_date), least(b.period_end, coalesce(e.end_date + 1, b.period_end))) AS days
    FROM bounds b
    JOIN engineers e ON e.start_date < b.period_end AND (e.end_date IS NULL OR e.end_date >= b.period_start)
    WHERE $team IS NULL OR e.team_id = $team
),
merged AS (
    SELECT p.period_start, e.team_id, e.engineer_id IS NULL AS unknown_author
    FROM changes c
    LEFT JOIN engineers e ON e.engineer_id = c.author_id
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.merged_at >= p.starts_at
    WHERE c.kind IN ('pull_request', 'merge_request') AND c.parent_change_id IS NULL
      AND c.merged_at IS NOT NULL AND in_period(c.merged_at, $from, $to, $tz)
      AND ($team IS NULL OR e.team_id = $team)
),
teams_days AS (
    SELECT period_start, team_id, count(DISTINCT engineer_id) AS engineers, sum(days) AS engineer_days FROM employed GROUP BY ALL
),
teams_merged AS (
    SELECT period_start, team_id, count(*) AS merged FROM merged WHERE NOT unknown_author GROUP BY ALL
),
team_rows AS (
    SELECT 'team' AS level, b.period_start, t.team_id,
           coalesce(d.engineers, 0) AS engineers, coalesce(d.engineer_days, 0) AS engineer_days,
           coalesce(m.merged, 0) AS merged, 0 AS unattributed
    FROM bounds b
    CROSS JOIN teams t
    LEFT JOIN teams_days d ON d.period_start = b.period_start AND d.team_id = t.team_id
    LEFT JOIN teams_merged m ON m.period_start = b.period_start AND m.team_id = t.team_id
    WHERE $team IS NULL OR t.team_id = $team
),
organisation_rows AS (
    SELECT 'organisation' AS level, b.period_start, NULL AS team_id,
           (SELECT count(DISTINCT engineer_id) FROM employed e WHERE e.period_start = b.period_start) AS engineers,
           (SELECT coalesce(sum(days), 0) FROM employed e WHERE e.period_start = b.period_start) AS engineer_days,
           (SELECT count(*) FROM merged m WHERE m.period_start = b.period_start AND NOT m.unknown_author) AS merged,
           (SELECT count(*) FROM merged m WHERE m.period_start = b.period_start AND m.unknown_author) AS unattributed
    FROM bounds b
)
SELECT level AS Level, team_id AS TeamId, period_start AS PeriodStart,
       CAST(engineers AS BIGINT) AS Engineers, CAST(engineer_days AS BIGINT) AS EngineerDays,
       CAST(merged AS BIGINT) AS MergedPullRequests, CAST(unattributed AS BIGINT) AS UnattributedPullRequests,
       CASE WHEN engineer_days > 0 THEN merged / (engineer_days / 7.0) END AS PerEngineerPerWeek
FROM (FROM organisation_rows UNION ALL FROM team_rows)
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
