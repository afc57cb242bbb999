SELECT count(*) > 0 FROM admin_ended_sessions WHERE session_id = $session_id;
