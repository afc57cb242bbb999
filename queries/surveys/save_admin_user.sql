INSERT OR REPLACE INTO admin_users (username, password_hash, created_at) VALUES ($username, $password_hash, $created_at);
