-- A new password always comes with a new session stamp, ending the account's sessions; an existing account keeps
-- its role unless one is given.
INSERT INTO admin_users (username, password_hash, created_at, role, session_stamp)
VALUES ($username, $password_hash, $created_at, $role, $session_stamp)
ON CONFLICT (username) DO UPDATE SET
    password_hash = excluded.password_hash,
    session_stamp = excluded.session_stamp,
    role = CASE WHEN $role_given THEN excluded.role ELSE admin_users.role END;
