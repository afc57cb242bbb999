-- Adds one entry after the last; the number orders entries that share a moment.
INSERT INTO admin_audit_log (entry_id, occurred_at, actor, action, object_kind, object_id, detail)
SELECT coalesce(max(entry_id), 0) + 1, $occurred_at, $actor, $action, $object_kind, $object_id, $detail
FROM admin_audit_log;
