-- Building blocks of the onboarding and adoption rules (docs/metrics.md), kept apart from 0005 so that each
-- migration stays as it was applied.

-- The instant the data runs to: the latest moment of recorded activity in deployments (of any environment and
-- status), changes, incidents and work items. Not the load time (ingested_at): an import of last year's export
-- would otherwise look complete up to the day it was loaded. Not the end of the period asked for: what happened
-- after a quarter still tells how its cohort got on.
CREATE MACRO data_ends_at() AS (
    SELECT max(latest) FROM (
        SELECT max(greatest(started_at, finished_at)) AS latest FROM deployments
        UNION ALL
        SELECT max(greatest(first_commit_at, opened_at, first_review_at, merged_at)) FROM changes
        UNION ALL
        SELECT max(greatest(opened_at, acknowledged_at, resolved_at)) FROM incidents
        UNION ALL
        SELECT max(greatest(created_at, first_response_at, resolved_at)) FROM work_items
    )
);

-- Whether a catalog lifecycle counts as production. Backstage leaves the value free-form, so case is ignored.
CREATE MACRO is_production(lifecycle) AS lower(lifecycle) = 'production';

-- Whether a catalog lifecycle marks an experiment, shown beside adoption but never in its shares.
CREATE MACRO is_experimental(lifecycle) AS lower(lifecycle) = 'experimental';
