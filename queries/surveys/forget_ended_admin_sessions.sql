DELETE FROM admin_ended_sessions WHERE ended_at < $before;
