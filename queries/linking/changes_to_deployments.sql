-- Re-derives which release shipped each merged change of the given services (all when $services is NULL), unless
-- its source named the deployment: the first release of the same commit to the same service when there is one
-- ('sha'), otherwise the first release (not a rollback) of the service that started at or after the merge and
-- within link_window_days of it ('time'); beyond the window the change is not deployed. Run on every load, so the
-- links do not depend on the order in which deployments and changes arrive.
WITH releases AS (
    SELECT deployment_id, service_id, sha, started_at, coalesce(finished_at, started_at) AS deployed_at, is_rollback
    FROM deployments
    WHERE environment = 'production' AND status = 'success' AND deployment_id = release_id
      AND (CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), service_id))
),
pending AS (
    SELECT change_id, service_id, sha, merged_at
    FROM changes
    WHERE linked_by IS DISTINCT FROM 'source'
      AND (CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), service_id))
),
by_sha AS (
    SELECT p.change_id, arg_min(r.deployment_id, r.started_at) AS deployment_id, arg_min(r.deployed_at, r.started_at) AS deployed_at
    FROM pending p
    JOIN releases r ON r.sha = p.sha AND r.service_id = p.service_id
    WHERE p.merged_at IS NOT NULL
    GROUP BY p.change_id
),
by_time AS (
    SELECT p.change_id, r.deployment_id, r.deployed_at
    FROM (SELECT change_id, service_id, merged_at FROM pending WHERE merged_at IS NOT NULL) p
    ASOF JOIN (SELECT * FROM releases WHERE NOT is_rollback) r ON r.service_id = p.service_id AND r.started_at >= p.merged_at
    WHERE epoch(r.started_at) - epoch(p.merged_at) <= 86400 * (SELECT coalesce(link_window_days, 30) FROM delivery_settings)
),
links AS (
    SELECT p.change_id,
           coalesce(s.deployment_id, t.deployment_id) AS deployment_id,
           CASE WHEN s.deployment_id IS NOT NULL THEN s.deployed_at ELSE t.deployed_at END AS deployed_at,
           CASE WHEN s.deployment_id IS NOT NULL THEN 'sha' WHEN t.deployment_id IS NOT NULL THEN 'time' END AS linked_by
    FROM pending p
    LEFT JOIN by_sha s USING (change_id)
    LEFT JOIN by_time t USING (change_id)
)
UPDATE changes
SET deployment_id = links.deployment_id, deployed_at = links.deployed_at, linked_by = links.linked_by
FROM links
WHERE changes.change_id = links.change_id
  AND (changes.deployment_id IS DISTINCT FROM links.deployment_id OR changes.deployed_at IS DISTINCT FROM links.deployed_at
       OR changes.linked_by IS DISTINCT FROM links.linked_by);
