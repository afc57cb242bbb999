-- Each admin's role and session stamp. A signed-in cookie carries the stamp it was issued with and is refused once
-- the stored one differs: signing out and setting a password write a new stamp, which ends every session of that
-- account. Accounts that existed before are admins, and their old cookies (which carry no stamp) stop working.
ALTER TABLE admin_users ADD COLUMN role VARCHAR DEFAULT 'admin';
ALTER TABLE admin_users ADD COLUMN session_stamp VARCHAR;
UPDATE admin_users SET role = 'admin', session_stamp = uuid()::VARCHAR;
-- Single sign-on sessions have no account to hold a stamp: signing out records the session's id here instead,
-- until no cookie of it can still be within its lifetime.
CREATE TABLE admin_ended_sessions (
    session_id VARCHAR PRIMARY KEY,
    ended_at   TIMESTAMPTZ NOT NULL
);
