-- DX Core 4 impact: the work items resolved in the period (finished work), with what the category rules and the
-- text model read: kind, title and labels (joined by the unit separator, chr(31), which no label holds).
-- Parameters: $from, $to, $grain, $tz, $team.
SELECT w.work_item_id AS WorkItemId, p.period_start AS PeriodStart, w.team_id AS TeamId, w.kind AS Kind,
       w.title AS Title, array_to_string(w.labels, chr(31)) AS Labels
FROM work_items w
ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON w.resolved_at >= p.starts_at
WHERE w.resolved_at IS NOT NULL AND in_period(w.resolved_at, $from, $to, $tz)
  AND ($team IS NULL OR w.team_id = $team)
ORDER BY WorkItemId;
