-- Points every production attempt of the given services (all when $services is NULL) at its release: the first
-- successful attempt (by start, then id) of the same commit to the same service, rollbacks apart. A retried
-- pipeline is then one deployment in every metric. Attempts of a commit that never succeeded get NULL.
WITH attempts AS (
    SELECT deployment_id, service_id, coalesce(sha, deployment_id) AS commit_key, is_rollback, status, started_at
    FROM deployments
    WHERE environment = 'production'
      AND (CAST($services AS VARCHAR[]) IS NULL OR list_contains(CAST($services AS VARCHAR[]), service_id))
),
firsts AS (
    SELECT service_id, commit_key, is_rollback, arg_min(deployment_id, (started_at, deployment_id)) AS release_id
    FROM attempts
    WHERE status = 'success'
    GROUP BY ALL
)
UPDATE deployments
SET release_id = l.release_id
FROM (
    SELECT a.deployment_id, f.release_id
    FROM attempts a
    LEFT JOIN firsts f USING (service_id, commit_key, is_rollback)
) l
WHERE deployments.deployment_id = l.deployment_id AND deployments.release_id IS DISTINCT FROM l.release_id;
