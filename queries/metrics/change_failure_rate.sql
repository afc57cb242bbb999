-- Change failure rate: the share of production releases in the period (a retried pipeline counts once) that failed
-- (an incident linked, whenever it opened, or inferred, or a rollback or hotfix within the remediation window). Each
-- release counts once, so the rate never exceeds 100%. Also counts incidents opened in the period that could not be
-- attributed to any deployment, for every group that has any, even one that deployed nothing (its rate is NULL).
-- Parameters: $from, $to, $grain, $tz, $team, $remediation_hours, $infer_links, $inference_hours.
WITH failures AS (
    FROM deployment_failures($remediation_hours, $infer_links, $inference_hours, day_start($from, $tz), day_start($to, $tz),
                             day_start($to, $tz), day_start($to, $tz))
),
deployed AS (
    SELECT p.period_start, d.team_id, d.service_id,
           f.deployment_id IS NOT NULL AS failed,
           coalesce(f.inferred, false) AS inferred
    FROM production_deployments() d
    LEFT JOIN failures f USING (deployment_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON d.deployed_at >= p.starts_at
    WHERE NOT d.is_rollback
      -- The bound on the raw started_at lets DuckDB skip row groups of other periods (deployments finish within 7 days).
      AND d.started_at >= day_start($from, $tz) - INTERVAL 7 DAY AND d.started_at < day_start($to, $tz)
      AND in_period(d.deployed_at, $from, $to, $tz)
      AND ($team IS NULL OR d.team_id = $team)
),
rates AS (
    SELECT CASE grouping(team_id, service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS level,
           team_id, service_id, period_start,
           count(*) AS deployments,
           count(*) FILTER (failed) AS failed,
           count(*) FILTER (failed AND inferred) AS failed_inferred
    FROM deployed
    GROUP BY GROUPING SETS ((period_start), (period_start, team_id), (period_start, team_id, service_id))
),
unattributed AS (
    SELECT CASE grouping(s.team_id, i.service_id) WHEN 3 THEN 'organisation' WHEN 1 THEN 'team' ELSE 'service' END AS level,
           p.period_start, s.team_id, i.service_id, count(*) AS incidents
    FROM incidents i
    LEFT JOIN services s USING (service_id)
    ANTI JOIN incident_attribution($infer_links, $inference_hours, day_start($from, $tz), day_start($to, $tz)) a USING (incident_id)
    ASOF JOIN period_bounds($from, $to, $grain, $tz) p ON i.opened_at >= p.starts_at
    WHERE in_period(i.opened_at, $from, $to, $tz)
      AND ($team IS NULL OR s.team_id = $team)
    GROUP BY GROUPING SETS ((p.period_start), (p.period_start, s.team_id), (p.period_start, s.team_id, i.service_id))
),
joined AS (
    SELECT coalesce(r.level, u.level) AS level, coalesce(r.team_id, u.team_id) AS team_id, coalesce(r.service_id, u.service_id) AS service_id,
           coalesce(r.period_start, u.period_start) AS period_start,
           coalesce(r.deployments, 0) AS deployments, coalesce(r.failed, 0) AS failed, coalesce(r.failed_inferred, 0) AS failed_inferred,
           coalesce(u.incidents, 0) AS unattributed
    FROM rates r
    FULL OUTER JOIN unattributed u
      ON u.level = r.level AND u.period_start = r.period_start
     AND u.team_id IS NOT DISTINCT FROM r.team_id AND u.service_id IS NOT DISTINCT FROM r.service_id
)
SELECT level AS Level, team_id AS TeamId, service_id AS ServiceId, period_start AS PeriodStart,
       deployments AS Deployments, failed AS FailedDeployments, failed_inferred AS FailedByInferredLink,
       CASE WHEN deployments > 0 THEN failed / deployments END AS Rate,
       unattributed AS UnattributedIncidents
FROM joined
-- An incident of no known service counts for the organisation only.
WHERE NOT (level = 'team' AND team_id IS NULL) AND NOT (level = 'service' AND service_id IS NULL)
ORDER BY PeriodStart, Level, TeamId NULLS FIRST, ServiceId NULLS FIRST;
