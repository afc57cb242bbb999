INSERT INTO api_keys (key_id, name, key_hash, created_at, created_by) VALUES ($key_id, $name, $key_hash, $created_at, $created_by);
