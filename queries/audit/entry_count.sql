SELECT count(*) FROM admin_audit_log;
