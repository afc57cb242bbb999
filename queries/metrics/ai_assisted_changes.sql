-- AI-assisted changes per period, for the organisation and each team. A top-level change (a pull or merge request,
-- or a commit pushed alone) is AI-assisted when the configured rule marks it (see ai_assisted_changes in migration
-- 0021). Share: AI-assisted ÷ all changes merged in the period. For changes shipped by a production release in the
-- period, AI-assisted and other apart: the median lead time (first commit to release, hours) and the failure rate
-- (the share whose release failed, as change_failure_rate decides a failure).
-- Parameters: $from, $to, $grain, $tz, $team, $trailer_patterns, $labels, $agents, $remediation_hours, $infer_links,
-- $inference_hours.
WITH assisted AS (
    FROM ai_assisted_changes($trailer_patterns, $labels, $agents)
),
failures AS (
    SELECT deployment_id
    FROM deployment_failures($remediation_hours, $infer_links, $inference_hours, day_start($from, $tz), day_start($to, $tz),
                             day_start($to, $tz), day_start($to, $tz))
),
merged AS (
    SELECT p.period_start, s.team_id, a.change_id IS NOT NULL AS ai
    FROM changes c
    JOIN services s USING (service_id)
    LEFT JOIN assisted a USING (change_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.merged_at >= p.starts_at
    WHERE c.parent_change_id IS NULL AND in_period(c.merged_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
),
shipped AS (
    SELECT p.period_start, s.team_id, a.change_id IS NOT NULL AS ai,
           (epoch(c.deployed_at) - epoch(c.first_commit_at)) / 3600.0 AS hours,
           f.deployment_id IS NOT NULL AS failed
    FROM changes c
    JOIN services s USING (service_id)
    LEFT JOIN assisted a USING (change_id)
    LEFT JOIN deployments d ON d.deployment_id = c.deployment_id
    LEFT JOIN failures f ON f.deployment_id = coalesce(d.release_id, c.deployment_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON c.deployed_at >= p.starts_at
    WHERE c.parent_change_id IS NULL AND c.first_commit_at IS NOT NULL AND c.deployed_at >= c.first_commit_at
      AND in_period(c.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
),
merged_counts AS (
    SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id, period_start,
           count(*) AS changes, count(*) FILTER (ai) AS ai_changes
    FROM merged
    GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
),
shipped_figures AS (
    SELECT CASE WHEN grouping(team_id) = 1 THEN 'organisation' ELSE 'team' END AS level, team_id, period_start,
           count(*) FILTER (ai) AS ai_shipped,
           quantile_cont(hours, 0.5) FILTER (ai) AS ai_median,
           count(*) FILTER (ai AND failed) / nullif(count(*) FILTER (ai), 0) AS ai_failure_rate,
           count(*) FILTER (NOT ai) AS other_shipped,
           quantile_cont(hours, 0.5) FILTER (NOT ai) AS other_median,
           count(*) FILTER (NOT ai AND failed) / nullif(count(*) FILTER (NOT ai), 0) AS other_failure_rate
    FROM shipped
    GROUP BY GROUPING SETS ((period_start), (period_start, team_id))
)
SELECT coalesce(m.level, f.level) AS Level, coalesce(m.team_id, f.team_id) AS TeamId, coalesce(m.period_start, f.period_start) AS PeriodStart,
       coalesce(m.changes, 0) AS Changes, coalesce(m.ai_changes, 0) AS AiAssistedChanges,
       m.ai_changes / nullif(m.changes, 0) AS AiAssistedShare,
       coalesce(f.ai_shipped, 0) AS AiAssistedShipped, f.ai_median AS AiAssistedMedianLeadHours, f.ai_failure_rate AS AiAssistedFailureRate,
       coalesce(f.other_shipped, 0) AS OtherShipped, f.other_median AS OtherMedianLeadHours, f.other_failure_rate AS OtherFailureRate
FROM merged_counts m
FULL OUTER JOIN shipped_figures f
  ON f.level = m.level AND f.period_start = m.period_start AND f.team_id IS NOT DISTINCT FROM m.team_id
ORDER BY PeriodStart, Level, TeamId NULLS FIRST;
