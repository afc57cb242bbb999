-- Turns an explicit cause given as a commit sha into a link to the production deployment of that sha.
UPDATE incidents
SET caused_by_deployment_id = d.deployment_id
FROM (
    SELECT sha, min_by(deployment_id, started_at) AS deployment_id
    FROM deployments
    WHERE environment = 'production' AND sha IS NOT NULL
    GROUP BY sha
) d
WHERE incidents.caused_by_deployment_id IS NULL
  AND incidents.caused_by_sha = d.sha;
