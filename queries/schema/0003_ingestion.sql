-- Ingestion bookkeeping: every run, each source's watermark, and the records that could not be stored.

CREATE TABLE ingestion_runs (
    run_id        UUID PRIMARY KEY,
    source        VARCHAR NOT NULL,
    trigger       VARCHAR NOT NULL CHECK (trigger IN ('schedule', 'manual', 'startup', 'webhook', 'import')),
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    rows_inserted BIGINT NOT NULL DEFAULT 0,
    rows_updated  BIGINT NOT NULL DEFAULT 0,
    rows_rejected BIGINT NOT NULL DEFAULT 0,
    error         VARCHAR
);

CREATE TABLE ingestion_watermarks (
    source     VARCHAR NOT NULL,
    stream     VARCHAR NOT NULL,
    watermark  VARCHAR NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source, stream)
);

CREATE TABLE dead_letters (
    dead_letter_id UUID PRIMARY KEY,
    run_id         UUID,
    source         VARCHAR NOT NULL,
    entity         VARCHAR NOT NULL,
    payload        VARCHAR NOT NULL,
    reason         VARCHAR NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL
);
