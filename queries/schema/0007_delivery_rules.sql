-- Delivery rules that must give the same answer whatever the order in which records arrive, and whichever source
-- they came from: production environment names normalised once for every source, retried pipelines grouped into
-- one release, change links re-derived on every load (with a window), and incident causes given as a commit
-- resolved when metrics are computed rather than frozen at load time.

-- Settings that shape stored rows. The service writes its configuration here at start (see DeliverySettings), so
-- the command line, imports and the service all apply the same rules, and a changed setting re-derives the rows.
-- NULL means "not applied yet": the first start after this migration normalises and links everything.
CREATE TABLE delivery_settings (
    id                      INTEGER PRIMARY KEY CHECK (id = 1),
    production_environments VARCHAR[],
    link_window_days        INTEGER
);
INSERT INTO delivery_settings VALUES (1, NULL, NULL);

-- The first successful production attempt of the same commit to the same service (rollbacks apart): every attempt
-- of a retried pipeline points to it, and metrics count it once. NULL when no attempt of that commit succeeded.
ALTER TABLE deployments ADD COLUMN release_id VARCHAR;

-- The environment as the source named it; environment holds the normalised name derived from it, so a changed
-- list of production names can be applied again, both ways.
ALTER TABLE deployments ADD COLUMN source_environment VARCHAR;

-- How a change's deployment_id was decided: 'source' (the record said so), 'sha' (a deployment of its commit),
-- 'time' (the first release of its service after the merge, within the link window), NULL (not deployed).
ALTER TABLE changes ADD COLUMN linked_by VARCHAR;

-- Links the earlier linker wrote can be told apart from links a source gave: it only ever linked to a successful
-- production deployment of the change's own service, of the same commit or starting at or after the merge. Those
-- are re-derived by the new rules; any other link came from the source and is kept.
UPDATE changes
SET linked_by = CASE
        WHEN d.deployment_id IS NOT NULL AND d.environment = 'production' AND d.status = 'success' AND d.service_id = changes.service_id
         AND (d.sha = changes.sha OR d.started_at >= changes.merged_at) THEN NULL
        ELSE 'source'
    END
FROM (SELECT c.change_id, d.* FROM changes c LEFT JOIN deployments d ON d.deployment_id = c.deployment_id WHERE c.deployment_id IS NOT NULL) d
WHERE changes.change_id = d.change_id;

-- The earlier linker also copied a cause given as a commit into caused_by_deployment_id (the earliest production
-- deployment of that sha, in any status and service). Clear those copies: causes are now resolved at query time.
UPDATE incidents
SET caused_by_deployment_id = NULL
FROM (
    SELECT sha, min_by(deployment_id, started_at) AS deployment_id
    FROM deployments
    WHERE environment = 'production' AND sha IS NOT NULL
    GROUP BY sha
) d
WHERE incidents.caused_by_sha = d.sha AND incidents.caused_by_deployment_id = d.deployment_id;

-- Releases that reached production: the first successful attempt of each commit to each service, with the team that
-- owns the service. A retried pipeline counts once, dated by its first success.
CREATE OR REPLACE MACRO production_deployments() AS TABLE
    SELECT d.deployment_id, d.service_id, s.team_id, d.sha, d.started_at,
           coalesce(d.finished_at, d.started_at) AS deployed_at,
           d.is_rollback, d.is_hotfix, d.via_platform, d.deployed_by
    FROM deployments d
    JOIN services s USING (service_id)
    WHERE d.environment = 'production' AND d.status = 'success' AND d.deployment_id = d.release_id;

-- Which release caused each incident, and how that was decided:
-- 1. explicit: caused_by_deployment_id names a production attempt of a release (any status: a failed first attempt
--    stands for the retry that shipped the same commit), whenever the incident opened;
-- 2. explicit: caused_by_sha names a commit; it resolves to the latest successful production attempt of that commit
--    that started at or before the incident opened (an incident can open while it rolls out), on the incident's
--    service first, then on any service;
-- 3. inferred (when infer_links is true, severities 1 to 3 only, for incidents that name no cause): the latest
--    successful production deployment of the incident's service that went out within inference_hours before it.
-- An incident that names a cause that cannot be resolved is not inferred: it stays unattributed. A rollback is
-- remediation, never a cause. Explicit links have no time limit; only inferred links are bounded to incidents
-- opened in [opened_from, opened_to), so callers bound the inference work to their period. Time differences are
-- taken as epoch seconds, since TIMESTAMPTZ arithmetic goes through ICU's calendar and is many times slower.
CREATE OR REPLACE MACRO incident_attribution(infer_links, inference_hours, opened_from, opened_to) AS TABLE
    WITH by_id AS (
        SELECT i.incident_id, d.release_id AS deployment_id, i.opened_at, i.resolved_at
        FROM incidents i
        JOIN deployments d ON d.deployment_id = i.caused_by_deployment_id
        WHERE d.environment = 'production' AND NOT d.is_rollback AND d.release_id IS NOT NULL
    ),
    by_sha AS (
        SELECT i.incident_id, d.release_id AS deployment_id, i.opened_at, i.resolved_at
        FROM incidents i
        JOIN deployments d ON d.sha = i.caused_by_sha
        WHERE i.caused_by_sha IS NOT NULL
          AND d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback AND d.release_id IS NOT NULL
          AND d.started_at <= i.opened_at
          AND i.incident_id NOT IN (SELECT incident_id FROM by_id)
        QUALIFY row_number() OVER (
            PARTITION BY i.incident_id
            ORDER BY d.service_id IS NOT DISTINCT FROM i.service_id DESC, d.started_at DESC, d.deployment_id) = 1
    ),
    attempts AS (
        SELECT d.release_id, d.service_id, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback AND d.release_id IS NOT NULL
          -- The bound on the raw started_at lets DuckDB skip row groups of other periods (deployments finish within 7 days).
          AND d.started_at >= opened_from - to_hours(CAST(inference_hours AS BIGINT)) - INTERVAL 7 DAY
          AND d.started_at < opened_to
          AND coalesce(d.finished_at, d.started_at) >= opened_from - to_hours(CAST(inference_hours AS BIGINT))
    ),
    inferred AS (
        SELECT i.incident_id, a.release_id AS deployment_id, i.opened_at, i.resolved_at
        FROM (
            SELECT * FROM incidents
            WHERE opened_at >= opened_from AND opened_at < opened_to
              AND caused_by_deployment_id IS NULL AND caused_by_sha IS NULL
              AND service_id IS NOT NULL AND severity IN ('sev1', 'sev2', 'sev3')
        ) i
        ASOF JOIN attempts a ON a.service_id = i.service_id AND a.deployed_at <= i.opened_at
        WHERE infer_links AND epoch(i.opened_at) - epoch(a.deployed_at) <= inference_hours * 3600
    )
    SELECT incident_id, deployment_id, opened_at, resolved_at, false AS inferred FROM by_id
    UNION ALL
    SELECT incident_id, deployment_id, opened_at, resolved_at, false AS inferred FROM by_sha
    UNION ALL
    SELECT incident_id, deployment_id, opened_at, resolved_at, true AS inferred FROM inferred;

-- Releases that failed, one row each: an incident attributed to it (see incident_attribution), or a rollback or
-- hotfix release of the same service within remediation_hours after it (a remediation applies to the latest
-- production deployment of the service before it, not itself a rollback; the attempts of a retried pipeline are
-- one release). The failure starts when the first incident opened (or, with no incident, when the release went
-- out) and is recovered at the earliest of the incidents' resolution (all of them) and the remediation.
-- Considered: the releases that went out in [deployed_from, deployed_to), and, whenever they went out, those with an
-- explicitly attributed incident opened in [failing_from, failing_to) (recovery counts a failure in the period it
-- started, however old the release). Incidents are looked at up to the inference window after deployed_to and up to
-- failing_to, explicit links at any time.
CREATE OR REPLACE MACRO deployment_failures(remediation_hours, infer_links, inference_hours, deployed_from, deployed_to, failing_from, failing_to) AS TABLE
    WITH attributed AS (
        FROM incident_attribution(infer_links, inference_hours, deployed_from,
                                  greatest(deployed_to + to_hours(CAST(inference_hours AS BIGINT)), failing_to))
    ),
    releases AS (
        SELECT d.deployment_id, d.service_id, s.team_id, d.started_at, coalesce(d.finished_at, d.started_at) AS deployed_at
        FROM deployments d
        JOIN services s USING (service_id)
        WHERE d.environment = 'production' AND d.status = 'success' AND NOT d.is_rollback AND d.deployment_id = d.release_id
    ),
    causes AS (
        SELECT deployment_id, service_id, team_id, deployed_at
        FROM releases
        WHERE started_at >= deployed_from - INTERVAL 7 DAY AND started_at < deployed_to
          AND deployed_at >= deployed_from AND deployed_at < deployed_to
        UNION
        SELECT r.deployment_id, r.service_id, r.team_id, r.deployed_at
        FROM releases r
        SEMI JOIN (SELECT deployment_id FROM attributed WHERE NOT inferred AND opened_at >= failing_from AND opened_at < failing_to) a
            USING (deployment_id)
    ),
    attempts AS (
        SELECT release_id, service_id, coalesce(finished_at, started_at) AS deployed_at
        FROM deployments
        WHERE environment = 'production' AND status = 'success' AND NOT is_rollback AND release_id IS NOT NULL
          AND started_at >= deployed_from - to_hours(CAST(remediation_hours AS BIGINT)) - INTERVAL 7 DAY
          AND started_at < deployed_to + to_hours(CAST(remediation_hours AS BIGINT))
    ),
    remediations AS (
        SELECT a.release_id AS deployment_id, r.deployed_at AS remediated_at, r.is_rollback
        FROM (
            SELECT service_id, started_at, coalesce(finished_at, started_at) AS deployed_at, is_rollback
            FROM deployments
            WHERE environment = 'production' AND status = 'success' AND (is_rollback OR is_hotfix) AND deployment_id = release_id
              AND started_at > deployed_from AND started_at <= deployed_to + to_hours(CAST(remediation_hours AS BIGINT))
        ) r
        ASOF JOIN attempts a ON a.service_id = r.service_id AND a.deployed_at < r.started_at
        WHERE epoch(r.started_at) - epoch(a.deployed_at) <= remediation_hours * 3600
    ),
    by_incident AS (
        SELECT a.deployment_id, min(a.opened_at) AS opened_at, max(a.resolved_at) AS resolved_at,
               bool_and(a.resolved_at IS NOT NULL) AS all_resolved, bool_and(a.inferred) AS only_inferred
        FROM attributed a
        SEMI JOIN causes c USING (deployment_id)
        GROUP BY a.deployment_id
    ),
    by_remediation AS (
        SELECT deployment_id, min(remediated_at) AS remediated_at, bool_or(is_rollback) AS rolled_back
        FROM remediations
        SEMI JOIN causes c USING (deployment_id)
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
