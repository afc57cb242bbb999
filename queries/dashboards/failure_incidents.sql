-- The incidents attributed to some failed releases ($deployments, a list of release ids), as deployment_failures
-- sees them when called for [$from, $to) in $tz: incident_attribution over incidents opened from $reach_back_hours
-- before the period's start (0 for the change failure rate, the inference window for recovery time) to the
-- inference window after its end. How each was attributed: 'deployment' (explicit: the incident names the
-- deployment), 'commit' (explicit: it names the commit) or 'inferred' (the latest deployment of its service within
-- the window). Earliest first. Parameters: $deployments, $from, $to, $tz, $infer_links, $inference_hours, $reach_back_hours.
SELECT a.deployment_id AS DeploymentId, i.incident_id AS IncidentId, i.title AS Title, i.severity AS Severity,
       i.service_id AS ServiceId, i.opened_at AS OpenedAt, i.resolved_at AS ResolvedAt, i.source AS Source,
       CASE WHEN a.inferred THEN 'inferred'
            WHEN named.release_id IS NOT DISTINCT FROM a.deployment_id AND i.caused_by_deployment_id IS NOT NULL THEN 'deployment'
            ELSE 'commit' END AS AttributedBy
FROM incident_attribution($infer_links, $inference_hours,
                          day_start($from, $tz) - to_hours(CAST($reach_back_hours AS BIGINT)),
                          day_start($to, $tz) + to_hours(CAST($inference_hours AS BIGINT))) a
JOIN incidents i USING (incident_id)
LEFT JOIN deployments named ON named.deployment_id = i.caused_by_deployment_id
WHERE list_contains($deployments, a.deployment_id)
ORDER BY i.opened_at, i.incident_id;
