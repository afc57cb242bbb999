-- Building blocks that several metric queries share, defined once in SQL.

-- The period (week, month or quarter) an instant falls in, as the local date it starts on. Weeks start on Monday.
CREATE MACRO period_of(ts, grain, tz) AS CAST(date_trunc(grain, timezone(tz, ts)) AS DATE);

-- The instant a local day starts in the given time zone.
CREATE MACRO day_start(day, tz) AS timezone(tz, CAST(day AS TIMESTAMP));

-- Whether an instant falls in [from_day, to_day) counted in the given time zone. The bounds are converted once,
-- not every row, so the comparison stays a plain range that DuckDB can prune with.
CREATE MACRO in_period(ts, from_day, to_day, tz) AS ts >= day_start(from_day, tz) AND ts < day_start(to_day, tz);

-- Deployments that reached production, with the team that owns the service.
CREATE MACRO production_deployments() AS TABLE
    SELECT d.deployment_id, d.service_id, s.team_id, d.sha, d.started_at,
           coalesce(d.finished_at, d.started_at) AS deployed_at,
           d.is_rollback, d.is_hotfix, d.via_platform, d.deployed_by
    FROM deployments d
    JOIN services s USING (service_id)
    WHERE d.environment = 'production' AND d.status = 'success';

-- Which production deployment caused each incident: the explicit link (caused_by_deployment_id) when it names
-- a production deployment, otherwise, when infer_links is true, the latest production deployment of the
-- incident's service that went out within inference_hours before the incident opened (marked inferred). Only
-- incidents of severity 1 to 3 are inferred: a low-severity alert near a deployment is not evidence of a failed
-- change. Incidents that neither rule attributes are absent. A rollback is remediation, never a cause.
-- Only incidents opened in [opened_from, opened_to) are attributed: callers bound the work to their period.
CREATE MACRO incident_attribution(infer_links, inference_hours, opened_from, opened_to) AS TABLE
    WITH causes AS (
        SELECT * FROM production_deployments()
        WHERE NOT is_rollback AND deployed_at >= opened_from - to_hours(CAST(inference_hours AS BIGINT)) AND deployed_at < opened_to
    ),
    opened AS (SELECT * FROM incidents WHERE opened_at >= opened_from AND opened_at < opened_to)
    SELECT i.incident_id, c.deployment_id, i.opened_at, i.resolved_at, false AS inferred
    FROM opened i
    JOIN production_deployments() c ON c.deployment_id = i.caused_by_deployment_id AND NOT c.is_rollback
    UNION ALL
    SELECT i.incident_id, c.deployment_id, i.opened_at, i.resolved_at, true AS inferred
    FROM (
        SELECT * FROM opened
        WHERE caused_by_deployment_id IS NULL AND service_id IS NOT NULL AND severity IN ('sev1', 'sev2', 'sev3')
    ) i
    ASOF JOIN causes c ON c.service_id = i.service_id AND c.deployed_at <= i.opened_at
    WHERE infer_links AND i.opened_at - c.deployed_at <= to_hours(CAST(inference_hours AS BIGINT));

-- Production deployments that failed, one row each: an incident attributed to it (see incident_attribution),
-- or a rollback or hotfix deployment of the same service within remediation_hours after it. The failure starts
-- when the first incident opened (or, with no incident, when the deployment went out) and is recovered at the
-- earliest of the incidents' resolution and the remediating deployment. Only deployments that went out in
-- [deployed_from, deployed_to) are considered: callers bound the work to their period.
CREATE MACRO deployment_failures(remediation_hours, infer_links, inference_hours, deployed_from, deployed_to) AS TABLE
    WITH prod AS (FROM production_deployments()),
    causes AS (SELECT * FROM prod WHERE NOT is_rollback AND deployed_at >= deployed_from AND deployed_at < deployed_to),
    remediations AS (
        SELECT c.deployment_id, r.deployed_at AS remediated_at, r.is_rollback
        FROM (
            SELECT * FROM prod
            WHERE (is_rollback OR is_hotfix) AND started_at > deployed_from
              AND started_at <= deployed_to + to_hours(CAST(remediation_hours AS BIGINT))
        ) r
        ASOF JOIN causes c ON c.service_id = r.service_id AND c.deployed_at < r.started_at
        WHERE r.started_at - c.deployed_at <= to_hours(CAST(remediation_hours AS BIGINT))
    ),
    by_incident AS (
        SELECT a.deployment_id, min(a.opened_at) AS opened_at, max(a.resolved_at) AS resolved_at,
               bool_and(a.resolved_at IS NOT NULL) AS all_resolved, bool_and(a.inferred) AS only_inferred
        FROM incident_attribution(infer_links, inference_hours, deployed_from, deployed_to + to_hours(CAST(inference_hours AS BIGINT))) a
        SEMI JOIN causes c USING (deployment_id)
        GROUP BY a.deployment_id
    ),
    by_remediation AS (
        SELECT deployment_id, min(remediated_at) AS remediated_at, bool_or(is_rollback) AS rolled_back
        FROM remediations
        GROUP BY deployment_id
    ),
    failures AS (
        SELECT c.deployment_id, c.service_id, c.team_id, c.deployed_at,
               coalesce(bi.opened_at, c.deployed_at) AS failure_started_at,
               CASE WHEN bi.all_resolved THEN bi.resolved_at END AS resolved_at,
               br.remediated_at,
               bi.deployment_id IS NOT NULL AS has_incident,
               coalesce(bi.only_inferred, false) AS inferred,
               coalesce(br.rolled_back, false) AS rolled_back,
               br.deployment_id IS NOT NULL AND NOT coalesce(br.rolled_back, false) AS hotfixed
        FROM causes c
        LEFT JOIN by_incident bi USING (deployment_id)
        LEFT JOIN by_remediation br USING (deployment_id)
        WHERE bi.deployment_id IS NOT NULL OR br.deployment_id IS NOT NULL
    )
    SELECT deployment_id, service_id, team_id, deployed_at, failure_started_at,
           least(resolved_at, CASE WHEN remediated_at >= failure_started_at THEN remediated_at END) AS recovered_at,
           has_incident, inferred, rolled_back, hotfixed
    FROM failures;

-- Small-group suppression for survey results, applied to groups ranked by size within their siblings:
-- a group is hidden when it has fewer than k respondents, and, when any sibling is that small, so are the next
-- smallest siblings until the hidden ones hold at least k respondents together and number at least two, so that
-- no hidden group can be recovered by subtracting the shown ones from the total.
CREATE MACRO is_suppressed(n, k, any_small, n_before, size_rank) AS
    n < k OR (any_small AND (coalesce(n_before, 0) < k OR size_rank <= 2));
