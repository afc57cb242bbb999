INSERT OR IGNORE INTO admin_ended_sessions (session_id, ended_at) VALUES ($session_id, $ended_at);
