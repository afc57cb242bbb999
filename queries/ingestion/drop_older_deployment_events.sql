-- Before staged deployment events are upserted: drops every staged row that would roll a deployment back, so that
-- only the newest event per deployment remains, and none older than the stored row. An event's time is when it
-- says the deployment last changed (finished_at, or started_at while it runs); at equal times the status order
-- decides (in_progress before a final status); a later event of the same time and order wins, as before.
DELETE FROM staging_deployments
WHERE rowid NOT IN (
    SELECT s.rowid
    FROM staging_deployments s
    LEFT JOIN deployments t ON t.deployment_id = s.deployment_id
    WHERE t.deployment_id IS NULL
       OR coalesce(s.finished_at, s.started_at) > coalesce(t.finished_at, t.started_at)
       OR (coalesce(s.finished_at, s.started_at) = coalesce(t.finished_at, t.started_at)
           AND (s.status <> 'in_progress' OR t.status = 'in_progress'))
    QUALIFY row_number() OVER (
        PARTITION BY s.deployment_id
        ORDER BY coalesce(s.finished_at, s.started_at) DESC, (s.status <> 'in_progress') DESC, s.rowid DESC) = 1
);
