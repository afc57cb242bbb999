-- The key a hash belongs to, when it exists and is not revoked.
SELECT key_id AS KeyId, name AS Name, created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt, revoked_by AS RevokedBy
FROM api_keys
WHERE key_hash = $key_hash AND revoked_at IS NULL;
