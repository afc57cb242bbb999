-- Links every merged change that has no deployment yet to the production deployment that shipped it (and keeps
-- when that deployment went out): the
-- successful production deployment of the same sha when there is one, otherwise the first successful production
-- deployment of the same service that started at or after the merge (ASOF join: the nearest one, not any later one).
WITH good AS (
    SELECT deployment_id, service_id, sha, started_at, coalesce(finished_at, started_at) AS deployed_at
    FROM deployments
    WHERE environment = 'production' AND status = 'success'
),
by_sha AS (
    SELECT c.change_id, min_by(g.deployment_id, g.started_at) AS deployment_id, min_by(g.deployed_at, g.started_at) AS deployed_at
    FROM changes c
    JOIN good g ON g.sha = c.sha AND g.service_id = c.service_id
    WHERE c.deployment_id IS NULL AND c.merged_at IS NOT NULL
    GROUP BY c.change_id
),
by_time AS (
    SELECT c.change_id, g.deployment_id, g.deployed_at
    FROM (SELECT change_id, service_id, merged_at FROM changes WHERE deployment_id IS NULL AND merged_at IS NOT NULL) c
    ASOF JOIN good g ON g.service_id = c.service_id AND g.started_at >= c.merged_at
),
links AS (
    SELECT t.change_id,
           coalesce(s.deployment_id, t.deployment_id) AS deployment_id,
           CASE WHEN s.deployment_id IS NOT NULL THEN s.deployed_at ELSE t.deployed_at END AS deployed_at
    FROM by_time t
    LEFT JOIN by_sha s USING (change_id)
)
UPDATE changes
SET deployment_id = links.deployment_id, deployed_at = links.deployed_at
FROM links
WHERE changes.change_id = links.change_id;
