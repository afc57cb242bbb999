-- Building blocks that several metric queries share, defined once in SQL.

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

-- The periods of [from_day, to_day) cut in a time zone (weeks start on Monday): the local first day, the instant
-- it starts, the day after the period, and how many of its days fall inside the range. Queries place rows in
-- their period with an ASOF join on starts_at, so the time zone is converted once per period, not once per row.
CREATE MACRO period_bounds(from_day, to_day, grain, tz) AS TABLE
    SELECT period_start,
           timezone(tz, CAST(period_start AS TIMESTAMP)) AS starts_at,
           period_end,
           CAST(datediff('day', greatest(period_start, CAST(from_day AS DATE)), least(period_end, CAST(to_day AS DATE))) AS BIGINT) AS days_in_range,
           least(period_end, CAST(to_day AS DATE)) AS range_end
    FROM (
        SELECT period_start,
               CAST(period_start + CASE grain WHEN 'week' THEN INTERVAL 7 DAY WHEN 'month' THEN INTERVAL 1 MONTH ELSE INTERVAL 3 MONTH END AS DATE) AS period_end
        FROM (
            SELECT DISTINCT CAST(date_trunc(grain, d) AS DATE) AS period_start
            FROM range(CAST(from_day AS TIMESTAMP), CAST(to_day AS TIMESTAMP), INTERVAL 1 DAY) r(d)
        )
    );

-- Which production deployment caused each incident: the explicit link (caused_by_deployment_id) when it names
-- a production deployment, otherwise, when infer_links is true, the latest production deployment of the
-- incident's service that went out within inference_hours before the incident opened (marked inferred). Only
-- incidents of severity 1 to 3 are inferred: a low-severity alert near a deployment is not evidence of a failed
-- change. Incidents that neither rule attributes are absent. A rollback is remediation, never a cause.
-- Only incidents opened in [opened_from, opened_to) are attributed, so callers bound the work to their period;
-- deployment scans are bounded on the raw started_at column (a deployment finishes within 7 days of starting)
-- so that DuckDB skips the row groups of other periods, and time differences are taken as epoch seconds, since
-- TIMESTAMPTZ arithmetic goes through ICU's calendar and is many times slower.
CREATE MACRO incident_attribution(infer_links, inference_hours, opened_from, opened_to) AS TABLE
    WITH causes AS (
        SELECT d.deployment_id, d.service_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND d.started_at >= opened_from - to_hours(CAST(inference_hours AS BIGINT)) - INTERVAL 7 DAY
          AND d.started_at < opened_to
          AND coalesce(d.finished_at, d.started_at) >= opened_from - to_hours(CAST(inference_hours AS BIGINT))
    ),
    opened AS (SELECT * FROM incidents WHERE opened_at >= opened_from AND opened_at < opened_to)
    SELECT i.incident_id, d.deployment_id, i.opened_at, i.resolved_at, false AS inferred
    FROM opened i
    JOIN deployments d ON d.deployment_id = i.caused_by_deployment_id
    WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
    UNION ALL
    SELECT i.incident_id, c.deployment_id, i.opened_at, i.resolved_at, true AS inferred
    FROM (
        SELECT * FROM opened
        WHERE caused_by_deployment_id IS NULL AND service_id IS NOT NULL AND severity IN ('sev1', 'sev2', 'sev3')
    ) i
    ASOF JOIN causes c ON c.service_id = i.service_id AND c.deployed_at <= i.opened_at
    WHERE infer_links AND epoch(i.opened_at) - epoch(c.deployed_at) <= inference_hours * 3600;

-- Production deployments that failed, one row each: an incident attributed to it (see incident_attribution),
-- or a rollback or hotfix deployment of the same service within remediation_hours after it. The failure starts
-- when the first incident opened (or, with no incident, when the deployment went out) and is recovered at the
-- earliest of the incidents' resolution and the remediating deployment. Only deployments that went out in
-- [deployed_from, deployed_to) are considered.
CREATE MACRO deployment_failures(remediation_hours, infer_links, inference_hours, deployed_from, deployed_to) AS TABLE
    WITH causes AS (
        SELECT d.deployment_id, d.service_id, s.team_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        JOIN services s USING (service_id)
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback
          AND d.started_at >= deployed_from - INTERVAL 7 DAY AND d.started_at < deployed_to
          AND coalesce(d.finished_at, d.started_at) >= deployed_from AND coalesce(d.finished_at, d.started_at) < deployed_to
    ),
    remediations AS (
        SELECT c.deployment_id, r.deployed_at AS remediated_at, r.is_rollback
        FROM (
            SELECT service_id, started_at, coalesce(finished_at, started_at) AS deployed_at, is_rollback
            FROM deployments
            WHERE environment = 'production' AND status = 'success' AND (is_rollback OR is_hotfix)
              AND started_at > deployed_from AND started_at <= deployed_to + to_hours(CAST(remediation_hours AS BIGINT))
        ) r
        ASOF JOIN causes c ON c.service_id = r.service_id AND c.deployed_at < r.started_at
        WHERE epoch(r.started_at) - epoch(c.deployed_at) <= remediation_hours * 3600
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
