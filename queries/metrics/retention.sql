-- Retention: of the teams that deployed through the platform in the previous period, the share that did so
-- again in this one.
-- Parameters: $from, $to, $grain, $tz, $team. The period before $from is read too, for the first comparison.
WITH bounds AS (
    FROM period_bounds(CAST(CAST($from AS DATE) - CASE $grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE), $to, $grain, $tz)
),
active AS (
    SELECT DISTINCT p.period_start, d.team_id
    FROM production_deployments() d
    ASOF JOIN bounds p ON d.deployed_at >= p.starts_at
    WHERE d.via_platform
      AND d.deployed_at >= (SELECT min(starts_at) FROM bounds) AND d.deployed_at < day_start($to, $tz)
      AND ($team IS NULL OR d.team_id = $team)
),
paired AS (
    SELECT cur.period_start,
           CAST(cur.period_start - CASE $grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE) AS previous_start
    FROM (SELECT DISTINCT period_start FROM active WHERE period_start >= CAST($from AS DATE)) cur
)
SELECT p.period_start AS PeriodStart,
       count(DISTINCT prev.team_id) AS ActivePreviously,
       count(DISTINCT cur.team_id) AS Retained,
       count(DISTINCT cur.team_id) / nullif(count(DISTINCT prev.team_id), 0) AS Share
FROM paired p
LEFT JOIN active prev ON prev.period_start = p.previous_start
LEFT JOIN active cur ON cur.period_start = p.period_start AND cur.team_id = prev.team_id
GROUP BY ALL
ORDER BY PeriodStart;
