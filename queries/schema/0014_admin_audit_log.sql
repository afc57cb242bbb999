-- What admins did from /admin: who (the signed-in name), what, on which object and when, newest entry_id last.
-- Rows are only ever added; the log is shown at /admin/audit and by 'analytics audit'.
CREATE TABLE admin_audit_log (
    entry_id    BIGINT PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       VARCHAR NOT NULL,
    action      VARCHAR NOT NULL,
    object_kind VARCHAR NOT NULL,
    object_id   VARCHAR NOT NULL,
    detail      VARCHAR
);

-- Personal links that newer ones replaced, by fingerprint only (no person), so that opening one says it was
-- replaced rather than that it does not exist.
CREATE TABLE survey_replaced_links (
    token_hash  VARCHAR PRIMARY KEY,
    wave_id     VARCHAR NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL
);
