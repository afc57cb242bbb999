-- Keys for machine clients of the read-only API (/api/v1/metrics and the catalog). Only a SHA-256 of each key is
-- kept: a key is 32 random bytes, so a fast hash cannot be reversed by guessing, and lookups stay one index probe.
CREATE TABLE api_keys (
    key_id     VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    key_hash   VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    created_by VARCHAR NOT NULL,
    revoked_at TIMESTAMPTZ,
    revoked_by VARCHAR
);
