SELECT entry_id AS EntryId, occurred_at AS OccurredAt, actor AS Actor, action AS Action, object_kind AS ObjectKind,
       object_id AS ObjectId, detail AS Detail
FROM admin_audit_log
ORDER BY entry_id DESC
LIMIT $limit OFFSET $offset;
