-- A change whose source named its deployment but not when it went out is dated by that deployment's release (the
-- first successful attempt of the same commit), so lead time counts it. Only the given services (all when NULL).
UPDATE changes
SET deployed_at = r.deployed_at
FROM (
    SELECT d.deployment_id, coalesce(r.finished_at, r.started_at) AS deployed_at
    FROM deployments d
    JOIN deployments r ON r.deployment_id = d.release_id
    WHERE CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), d.service_id)
) r
WHERE changes.linked_by = 'source' AND changes.deployed_at IS NULL AND changes.deployment_id = r.deployment_id;
