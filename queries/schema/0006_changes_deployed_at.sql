-- When the production deployment that shipped a change went out, kept on the change itself: lead-time queries
-- then select a quarter's changes with a range filter instead of joining millions of changes to deployments.
-- Set together with deployment_id (queries/linking/changes_to_deployments.sql).
ALTER TABLE changes ADD COLUMN deployed_at TIMESTAMPTZ;

UPDATE changes
SET deployed_at = coalesce(d.finished_at, d.started_at)
FROM deployments d
WHERE changes.deployment_id = d.deployment_id;
