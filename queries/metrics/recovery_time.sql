-- Failed deployment recovery time: for each failed production release whose failure started in the period (whenever
-- the release went out),
-- the hours from failure start to recovery (see deployment_failures). Failures not yet recovered are counted
-- apart, not dropped. Median and p90.
-- Parameters: $from, $to, $grain, $tz, $team, $remediation_hours, $infer_links, $inference_hours.
WITH failures AS (
    SELECT p.period_start, f.team_id, f.service_id,
           (epoch(f.recovered_at) - epoch(f.failure_started_at)) / 3600.0 AS hours
    -- A failure that started in the period went out at most the inference window earlier, or, explicitly linked to an
    -- incident opened in the period, at any time before.
    FROM deployment_failures($remediation_hours, $infer_links, $inference_hours,
                             day_start($from, $tz) - to_hours(CAST($inference_hours AS BIGINT)), day_start($to, $tz),
                             day_start($from, $tz), day_start($to, $tz)) f
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON f.failure_started_at >= p.starts_at
    WHERE in_period(f.failure_started_at, $from, $to, $tz)
      AND ($team IS NULL OR f.team_id = $team)
)
SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS Level,
       team_id AS TeamId,
       service_id AS ServiceId,
       period_start AS PeriodStart,
       count(hours) AS Recovered,
       count(*) FILTER (hours IS NULL) AS NotRecovered,
       quantile_cont(hours, 0.5) AS MedianHours,
       quantile_cont(hours, 0.9) AS P90Hours
FROM failures
GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
