-- The platform PMs who run surveys from the web app. Passwords are stored only as ASP.NET Core Identity hashes
-- (PBKDF2 with a per-user salt).
CREATE TABLE admin_users (
    username      VARCHAR PRIMARY KEY,
    password_hash VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
