SELECT key_id AS KeyId, name AS Name, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt, revoked_by AS RevokedBy
FROM api_keys
ORDER BY created_at DESC, key_id;
