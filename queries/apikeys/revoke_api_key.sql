-- Revokes a key once; the number of rows changed tells whether the key existed and was still active.
UPDATE api_keys SET revoked_at = $revoked_at, revoked_by = $revoked_by WHERE key_id = $key_id AND revoked_at IS NULL;
