-- Code suggestions and acceptances per period, assistant, editor and language (the daily breakdown rows; 'all' in
-- editor or language is that editor's or language's total), with the busiest day's engaged users. A breakdown whose
-- busiest day had fewer than $k engaged users is suppressed (its figures NULL): it could single people out.
-- Parameters: $from, $to, $grain, $tz, $k.
WITH bounds AS (
    SELECT period_start, range_end AS period_end FROM period_bounds($from, $to, $grain, $tz)
),
grouped AS (
    SELECT b.period_start, u.assistant, u.editor, u.language,
           max(u.engaged_users) AS peak_engaged, sum(u.suggestions) AS suggestions, sum(u.acceptances) AS acceptances
    FROM bounds b
    JOIN ai_usage_daily u ON u.day >= b.period_start AND u.day < b.period_end
    WHERE NOT (u.editor = 'all' AND u.language = 'all')
    GROUP BY ALL
)
SELECT period_start AS PeriodStart, assistant AS Assistant, editor AS Editor, language AS Language,
       coalesce(peak_engaged, 0) < $k AS Suppressed,
       CASE WHEN peak_engaged >= $k THEN peak_engaged END AS PeakEngagedUsers,
       CASE WHEN peak_engaged >= $k THEN CAST(suggestions AS BIGINT) END AS Suggestions,
       CASE WHEN peak_engaged >= $k THEN CAST(acceptances AS BIGINT) END AS Acceptances,
       CASE WHEN peak_engaged >= $k THEN acceptances / nullif(suggestions, 0) END AS AcceptanceRate
FROM grouped
ORDER BY PeriodStart, Assistant, Editor, Language;
