-- Support request categories ranked by the effort they cost the platform team — volume × median handling time
-- (hours from creation to resolution) — the candidates for the next self-service capability.
-- Parameters: $from, $to, $tz.
SELECT coalesce(w.request_category, 'uncategorised') AS Category,
       count(*) AS Requests,
       quantile_cont((epoch(w.resolved_at) - epoch(w.created_at)) / 3600.0, 0.5) AS MedianHandlingHours,
       count(*) * quantile_cont((epoch(w.resolved_at) - epoch(w.created_at)) / 3600.0, 0.5) AS EffortHours
FROM work_items w
JOIN teams t ON t.team_id = w.team_id AND t.is_platform_team
WHERE w.kind = 'support_request' AND in_period(w.created_at, $from, $to, $tz)
GROUP BY ALL
ORDER BY EffortHours DESC NULLS LAST, Requests DESC, Category;
