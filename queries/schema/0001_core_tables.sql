-- The canonical data model: organisation, delivery, incidents and work items.
-- Times are TIMESTAMPTZ (UTC); dates without time are DATE. Natural keys are VARCHAR ids qualified by source
-- where the source's own id is not globally unique (for example 'github:1234').
-- No foreign keys: DuckDB cannot upsert a row that another table references, and ingestion must upsert.
-- Referential checks live in the ingestion layer and in queries/checks.

CREATE TABLE teams (
    team_id          VARCHAR PRIMARY KEY,
    name             VARCHAR NOT NULL,
    parent_team_id   VARCHAR,
    is_platform_team BOOLEAN NOT NULL DEFAULT false,
    time_zone        VARCHAR NOT NULL DEFAULT 'UTC',
    source           VARCHAR NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE services (
    service_id           VARCHAR PRIMARY KEY,
    name                 VARCHAR NOT NULL,
    team_id              VARCHAR NOT NULL,
    repository           VARCHAR,
    lifecycle            VARCHAR NOT NULL DEFAULT 'production',
    is_platform_owned    BOOLEAN NOT NULL DEFAULT false,
    onboarded_on         DATE,
    golden_path_template VARCHAR,
    created_on           DATE,
    retired_on           DATE,
    source               VARCHAR NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE service_capabilities (
    service_id VARCHAR NOT NULL,
    capability VARCHAR NOT NULL,
    adopted_on DATE NOT NULL,
    source     VARCHAR NOT NULL,
    PRIMARY KEY (service_id, capability)
);

CREATE TABLE engineers (
    engineer_id  VARCHAR PRIMARY KEY,
    display_name VARCHAR NOT NULL,
    email        VARCHAR,
    scm_login    VARCHAR,
    team_id      VARCHAR NOT NULL,
    start_date   DATE NOT NULL,
    end_date     DATE,
    source       VARCHAR NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE deployments (
    deployment_id VARCHAR PRIMARY KEY,
    service_id    VARCHAR NOT NULL,
    environment   VARCHAR NOT NULL,
    sha           VARCHAR,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL CHECK (status IN ('success', 'failure', 'error', 'in_progress', 'cancelled')),
    is_rollback   BOOLEAN NOT NULL DEFAULT false,
    is_hotfix     BOOLEAN NOT NULL DEFAULT false,
    via_platform  BOOLEAN NOT NULL DEFAULT true,
    deployed_by   VARCHAR,
    source        VARCHAR NOT NULL,
    ingested_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE changes (
    change_id        VARCHAR PRIMARY KEY,
    kind             VARCHAR NOT NULL CHECK (kind IN ('pull_request', 'merge_request', 'commit')),
    parent_change_id VARCHAR,
    service_id       VARCHAR NOT NULL,
    repository       VARCHAR,
    author_id        VARCHAR,
    title            VARCHAR,
    labels           VARCHAR[],
    first_commit_at  TIMESTAMPTZ,
    opened_at        TIMESTAMPTZ,
    first_review_at  TIMESTAMPTZ,
    merged_at        TIMESTAMPTZ,
    sha              VARCHAR,
    deployment_id    VARCHAR,
    source           VARCHAR NOT NULL,
    ingested_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When the deployment that shipped the change went out, set with deployment_id: lead-time queries select a
    -- quarter's changes with a range filter instead of joining millions of changes to deployments.
    deployed_at      TIMESTAMPTZ
);

CREATE TABLE incidents (
    incident_id             VARCHAR PRIMARY KEY,
    service_id              VARCHAR,
    title                   VARCHAR NOT NULL,
    severity                VARCHAR NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4', 'sev5')),
    opened_at               TIMESTAMPTZ NOT NULL,
    acknowledged_at         TIMESTAMPTZ,
    resolved_at             TIMESTAMPTZ,
    caused_by_deployment_id VARCHAR,
    caused_by_sha           VARCHAR,
    source                  VARCHAR NOT NULL,
    ingested_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE work_items (
    work_item_id      VARCHAR PRIMARY KEY,
    project           VARCHAR NOT NULL,
    kind              VARCHAR NOT NULL CHECK (kind IN ('bug', 'feature', 'incident', 'rework', 'support_request', 'task')),
    title             VARCHAR NOT NULL,
    labels            VARCHAR[] NOT NULL DEFAULT [],
    team_id           VARCHAR,
    requester_team_id VARCHAR,
    request_category  VARCHAR,
    status            VARCHAR NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    first_response_at TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    source            VARCHAR NOT NULL,
    ingested_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
