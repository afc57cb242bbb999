SELECT username AS Username, password_hash AS PasswordHash, role AS Role, session_stamp AS SessionStamp FROM admin_users WHERE username = $username;
